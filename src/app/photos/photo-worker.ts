/**
 * The photo pipeline's worker: decoding, drawing and encoding a photo take
 * 100+ ms of CPU, which must not freeze the form in a resident's hand.
 * Started by photos.ts; one job at a time, as a phone has memory for one
 * 48 MP decode, not five.
 */
import { isPhotoError } from './photo-error.ts';
import { processPhoto } from './process-photo.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

type WorkerScope = {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

function serve(scope: WorkerScope): void {
  const jobs = new Map<number, AbortController>();
  let tail: Promise<void> = Promise.resolve();
  scope.addEventListener('message', ({ data }) => {
    if (data.kind === 'abort') {
      jobs.get(data.id)?.abort();
      return;
    }
    const { id, file, options } = data;
    const controller = new AbortController();
    jobs.set(id, controller);
    tail = tail.then(() =>
      processPhoto(file, { ...options, signal: controller.signal })
        .then(
          (photo) => scope.postMessage({ kind: 'done', id, photo }),
          (error: unknown) => {
            // The page has already settled an aborted job.
            if (controller.signal.aborted) return;
            const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
            scope.postMessage({ kind: 'failed', id, error: isPhotoError(error) ? { name, message, reason: error.reason } : { name, message } });
          },
        )
        .finally(() => jobs.delete(id)),
    );
  });
  scope.postMessage({ kind: 'ready', isCapable: isCapable() });
}

/** Safari before 16.4 has OffscreenCanvas without a 2D context; some browsers lack createImageBitmap in workers. */
function isCapable(): boolean {
  try {
    return (
      typeof createImageBitmap === 'function' &&
      typeof OffscreenCanvas === 'function' &&
      typeof OffscreenCanvas.prototype.convertToBlob === 'function' &&
      new OffscreenCanvas(1, 1).getContext('2d') !== null &&
      typeof crypto?.subtle?.digest === 'function'
    );
  } catch {
    return false;
  }
}

serve(globalThis as unknown as WorkerScope);
