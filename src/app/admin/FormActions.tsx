/** The end of an admin form: save (submits the form), and cancel when there is something to go back to. */
export function FormActions({ save, cancel, onCancel, isBusy }: { save: string; cancel: string; onCancel?: () => void; isBusy?: boolean }) {
  return (
    <div class="form-actions">
      <button type="submit" class="button button-primary" aria-disabled={isBusy ? 'true' : undefined}>
        {save}
      </button>
      {onCancel && (
        <button type="button" class="button" onClick={onCancel}>
          {cancel}
        </button>
      )}
    </div>
  );
}
