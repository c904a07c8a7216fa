/** Messages between the page and the service worker. */
import { FLUSH } from '../sync/controller.ts';

export const SKIP_WAITING = 'SKIP_WAITING';

export type SwMessage = { type: typeof SKIP_WAITING } | { type: typeof FLUSH };

export function isUpdateMessage(data: unknown): data is SwMessage {
  return typeof data === 'object' && data !== null && 'type' in data && (data.type === SKIP_WAITING || data.type === FLUSH);
}
