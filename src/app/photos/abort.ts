/**
 * Aborting, the Squoosh way (STYLE.md): every job takes an AbortSignal, an
 * aborted job rejects at once with the signal's reason (an AbortError unless
 * the caller chose another) and the caller treats that as silence, not as an
 * error to show.
 */

/** `work`, or a rejection with the signal's reason as soon as it aborts — without waiting for `work`. */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** True for what an aborted job rejects with: nothing to tell the user. */
export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return (signal?.aborted === true && error === signal.reason) || (error instanceof DOMException && error.name === 'AbortError');
}
