/**
 * The photo pipeline as the UI uses it: processPhoto (process-photo.ts) run
 * in a worker where the browser can (OffscreenCanvas 2D and createImageBitmap
 * in workers), on the page where it cannot. Jobs run one at a time, in order.
 *
 * @example
 * const photos = createPhotoProcessor();
 * try {
 *   const photo = await photos.process(input.files[0], { signal, thumbnail: THUMBNAIL_OPTIONS });
 *   await store.photos.add({ ...photo, thumbnail: photo.thumbnail }); // both uploaded, each by its hash
 * } catch (error) {
 *   if (isAbort(error, signal)) return;
 *   if (isPhotoError(error)) show(t(`photo.error.${error.reason}`));
 * } finally {
 *   photos.dispose(); // when the screen closes
 * }
 */
import { THUMBNAIL_EDGE } from '../../domain/photos.ts';
import { abortable } from './abort.ts';
import { PhotoError } from './photo-error.ts';
import type { ProcessedPhoto, ProcessOptions } from './process-photo.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

export type PhotoProcessor = {
  process(file: Blob, options?: ProcessOptions): Promise<ProcessedPhoto>;
  /** Where jobs run, once the worker has said whether it can: 'worker' or 'page'. */
  readonly where: Promise<'worker' | 'page'>;
  /** Stops the worker; pending jobs reject with an AbortError. */
  dispose(): void;
};

export { THUMBNAIL_EDGE };
/** How a thumbnail is made: on the phone that takes the photo (`process(file, { thumbnail: THUMBNAIL_OPTIONS })`), or of an older record's photo on the phone that shows it. */
export const THUMBNAIL_OPTIONS = { maxEdge: THUMBNAIL_EDGE, type: 'image/webp', quality: 0.7 } as const satisfies ProcessOptions['thumbnail'];
/** A worker that has not said it is ready by then is treated as one that cannot. */
const WORKER_READY_TIMEOUT_MS = 10_000;

type Pending = { resolve(photo: ProcessedPhoto): void; reject(error: unknown): void; file: Blob; options: ProcessOptions };

export function createPhotoProcessor(opts: { useWorker?: boolean } = {}): PhotoProcessor {
  let worker: Worker | null = opts.useWorker === false || typeof Worker !== 'function' ? null : startWorker();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let tail: Promise<unknown> = Promise.resolve();
  let isDisposed = false;

  const onPage = async (file: Blob, options: ProcessOptions) => (await import('./process-photo.ts')).processPhoto(file, options);

  /** The worker died (a crash, not a bad photo): what it held runs again on the page. */
  const fallBackToPage = () => {
    worker?.terminate();
    worker = null;
    for (const [id, job] of pending) {
      pending.delete(id);
      onPage(job.file, job.options).then(job.resolve, job.reject);
    }
  };

  const where: Promise<'worker' | 'page'> = new Promise((resolve) => {
    const current = worker;
    if (current === null) return resolve('page');
    const timer = setTimeout(() => settle(false), WORKER_READY_TIMEOUT_MS);
    const settle = (isCapable: boolean) => {
      clearTimeout(timer);
      if (!isCapable) fallBackToPage();
      resolve(isCapable ? 'worker' : 'page');
    };
    current.addEventListener('error', (event) => {
      event.preventDefault();
      settle(false);
    });
    current.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
      if (data.kind === 'ready') return settle(data.isCapable);
      const job = pending.get(data.id);
      if (!job) return; // aborted meanwhile
      pending.delete(data.id);
      if (data.kind === 'done') job.resolve(data.photo);
      else job.reject(fromWire(data.error));
    });
  });

  const inWorker = (target: Worker, file: Blob, options: ProcessOptions): Promise<ProcessedPhoto> => {
    const { signal, ...rest } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = nextId++;
    return new Promise<ProcessedPhoto>((resolve, reject) => {
      const onAbort = () => {
        if (!pending.delete(id)) return;
        target.postMessage({ kind: 'abort', id } satisfies ToWorker);
        reject(signal?.reason);
      };
      const settled = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (photo) => {
          settled();
          resolve(photo);
        },
        reject: (error) => {
          settled();
          reject(error);
        },
        file,
        options,
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      target.postMessage({ kind: 'process', id, file, options: rest } satisfies ToWorker);
    });
  };

  const runOne = async (file: Blob, options: ProcessOptions): Promise<ProcessedPhoto> => {
    options.signal?.throwIfAborted();
    const place = await where;
    if (isDisposed) throw new DOMException('The photo processor was disposed', 'AbortError');
    return place === 'worker' && worker !== null ? inWorker(worker, file, options) : onPage(file, options);
  };

  return {
    where,
    process(file, options = {}) {
      if (isDisposed) return Promise.reject(new DOMException('The photo processor was disposed', 'AbortError'));
      const job = tail.then(() => runOne(file, options));
      tail = job.catch(() => undefined);
      return abortable(job, options.signal);
    },
    dispose() {
      isDisposed = true;
      worker?.terminate();
      worker = null;
      for (const job of pending.values()) job.reject(new DOMException('The photo processor was disposed', 'AbortError'));
      pending.clear();
    },
  };
}

/**
 * A small copy for lists: the same pipeline with a short edge, WebP where the
 * browser writes it (JPEG elsewhere). Pass the screen's processor to run it in
 * its worker; without one it runs on the page (a 1600 px photo takes ~10 ms).
 */
export function makeThumbnail(
  photo: Blob,
  maxEdge = THUMBNAIL_EDGE,
  opts: { processor?: PhotoProcessor; signal?: AbortSignal; type?: ProcessOptions['type'] } = {},
): Promise<ProcessedPhoto> {
  const options: ProcessOptions = { ...THUMBNAIL_OPTIONS, maxEdge, type: opts.type ?? THUMBNAIL_OPTIONS.type, signal: opts.signal };
  if (opts.processor) return opts.processor.process(photo, options);
  return import('./process-photo.ts').then(({ processPhoto }) => processPhoto(photo, options));
}

function startWorker(): Worker | null {
  try {
    // This exact form is what Vite recognises to bundle the worker with the app.
    return new Worker(new URL('./photo-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

function fromWire(error: Extract<FromWorker, { kind: 'failed' }>['error']): Error {
  if (error.reason) return new PhotoError(error.reason, error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}
