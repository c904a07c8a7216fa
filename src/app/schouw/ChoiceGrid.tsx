/**
 * A group of large buttons to pick one value with a thumb: element, aspect,
 * level. A fieldset with a legend; each button says whether it is chosen with
 * aria-pressed and with a visible check mark, never by colour alone.
 */
import type { ComponentChild } from 'preact';

export function ChoiceGrid<V extends string>(props: {
  legend: string;
  hint?: string;
  options: readonly V[];
  value: V | null;
  label(value: V): string;
  icon?(value: V): ComponentChild;
  /** Extra class for one option (the opportunity aspect stands apart). */
  variant?(value: V): string | undefined;
  onChoose(value: V): void;
  isCompact?: boolean;
  /** Many options with an icon each (element, aspect): small tiles, three to a row on a phone. */
  isTiles?: boolean;
  testId?: string;
}) {
  const hintId = props.hint ? `${props.testId ?? 'choice'}-hint` : undefined;
  return (
    <fieldset
      class={props.isTiles ? 'fieldset choice-fieldset choice-fieldset-tiles' : 'fieldset choice-fieldset'}
      aria-describedby={hintId}
      data-testid={props.testId}
      tabIndex={-1}
    >
      <legend class="choice-legend">{props.legend}</legend>
      {props.hint && (
        <p class="field-hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <div class={props.isTiles ? 'choice-grid choice-grid-tiles' : props.isCompact ? 'choice-grid choice-grid-compact' : 'choice-grid'}>
        {props.options.map((option) => {
          const extra = props.variant?.(option);
          return (
            <button
              key={option}
              type="button"
              class={extra ? `choice ${extra}` : 'choice'}
              aria-pressed={props.value === option ? 'true' : 'false'}
              data-value={option}
              onClick={() => props.onChoose(option)}
            >
              {props.icon && (
                <span class="choice-icon" aria-hidden="true">
                  {props.icon(option)}
                </span>
              )}
              <span class="choice-label">{props.label(option)}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
