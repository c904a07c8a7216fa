/**
 * Messages between photos.ts (the page) and photo-worker.ts. Blobs travel by
 * structured clone, which hands over a reference to the same bytes (a Blob is
 * not Transferable, and need not be): a 12 MB photo is not copied.
 */
import type { PhotoErrorReason } from './photo-error.ts';
import type { ProcessedPhoto, ProcessOptions } from './process-photo.ts';

export type ToWorker = { kind: 'process'; id: number; file: Blob; options: Omit<ProcessOptions, 'signal'> } | { kind: 'abort'; id: number };

export type FromWorker =
  /** First message: whether this worker has what processPhoto needs (OffscreenCanvas 2D, createImageBitmap). */
  | { kind: 'ready'; isCapable: boolean }
  | { kind: 'done'; id: number; photo: ProcessedPhoto }
  | { kind: 'failed'; id: number; error: { name: string; message: string; reason?: PhotoErrorReason } };
