/** The end of a form: save (submits it), and cancel when there is something to go back to. */
export function FormActions(props: {
  save: string;
  cancel?: string;
  onCancel?: () => void;
  /** While busy, save says so (in `save`) and does nothing. */
  isBusy?: boolean;
  /** The large buttons of a screen-filling form (the activity form). */
  isLarge?: boolean;
}) {
  const size = props.isLarge ? ' button-large' : '';
  return (
    <div class="form-actions">
      <button type="submit" class={`button button-primary${size}`} aria-disabled={props.isBusy ? 'true' : undefined}>
        {props.save}
      </button>
      {props.onCancel && (
        <button type="button" class={`button${size}`} onClick={props.onCancel}>
          {props.cancel}
        </button>
      )}
    </div>
  );
}
