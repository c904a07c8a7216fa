/** A fieldset of checkboxes for a multiple choice (themes, partners, buurten, members). */
export function CheckList(props: {
  id: string;
  legend: string;
  options: ReadonlyArray<{ id: string; label: string }>;
  value: readonly string[];
  onChange(next: string[]): void;
  hint?: string;
}) {
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.value.filter((v) => v !== id), id] : props.value.filter((v) => v !== id));
  return (
    <fieldset class="fieldset" id={props.id} aria-describedby={props.hint ? `${props.id}-hint` : undefined}>
      <legend>{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <div class="checks">
        {props.options.map((option) => (
          <label key={option.id} class="check">
            <input type="checkbox" checked={props.value.includes(option.id)} onChange={(e) => toggle(option.id, e.currentTarget.checked)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
