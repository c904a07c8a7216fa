/**
 * What went wrong with a form, said once above or below it and read out at
 * once (role="alert"). Renders nothing while there is nothing to say.
 */
export function ErrorSummary({ message }: { message: string | null | undefined | false }) {
  if (!message) return null;
  return (
    <p class="form-error-summary" role="alert">
      {message}
    </p>
  );
}
