/**
 * Why a photo could not be used, as a machine reason: the UI turns it into
 * words (src/app/i18n, keys `photo.error.<reason>`), never shows the code.
 */
export const PHOTO_ERROR_REASONS = ['undecodable', 'too-large', 'unsupported'] as const;
export type PhotoErrorReason = (typeof PHOTO_ERROR_REASONS)[number];

/** Input limits: above these a phone runs out of memory before it can say why. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
export const MAX_SOURCE_PIXELS = 100_000_000;

/**
 * - `undecodable`: not an image, or a damaged one.
 * - `too-large`: over MAX_INPUT_BYTES or MAX_SOURCE_PIXELS.
 * - `unsupported`: an image format this browser cannot decode (HEIC outside Safari, TIFF).
 */
export class PhotoError extends Error {
  override readonly name = 'PhotoError';
  readonly reason: PhotoErrorReason;

  constructor(reason: PhotoErrorReason, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

export function isPhotoError(error: unknown): error is PhotoError {
  return error instanceof PhotoError;
}
