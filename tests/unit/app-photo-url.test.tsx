// @vitest-environment happy-dom
/**
 * A photo taken on another phone that the server does not have yet (its
 * taker has not sent it): the screen says it is not available, and tries
 * again by itself while the phone is online, instead of staying empty until
 * the screen is opened anew.
 */
import 'fake-indexeddb/auto';
import { screen } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { usePhotoUrl } from '../../src/app/photos/use-photo-url.ts';
import type { AccountApi } from '../../src/sync/account-api.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';
import { sha256Hex } from '../fixtures/fixed.ts';

afterEach(() => {
  vi.restoreAllMocks();
  cleanupApps();
});

function Photo({ sha256 }: { sha256: string }) {
  const photo = usePhotoUrl(sha256);
  return <p>{photo.state}</p>;
}

test('a photo the server lacks at first is fetched on a later try, without reopening the screen', async () => {
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const sha256 = sha256Hex(bytes);
  const app = await openApp();
  let asked = 0;
  const photo = vi.fn(async () => {
    asked += 1;
    if (asked === 1) throw new Error('404 photo not found');
    return { blob: new Blob([bytes], { type: 'image/jpeg' }), type: 'image/jpeg' };
  });
  app.context.api = async () => ({ photo }) as unknown as AccountApi;
  // happy-dom's object URLs take only node's own Blob; what IndexedDB gives back is shown all the same.
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:photo');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  const setTimeoutSpy = vi.spyOn(window, 'setTimeout');
  app.render(<Photo sha256={sha256} />);

  await screen.findByText('unavailable');
  expect(photo).toHaveBeenCalledTimes(1);
  // The retry is planned 5 s ahead; run it now instead of waiting.
  const retry = setTimeoutSpy.mock.calls.find(([, ms]) => ms === 5_000)?.[0];
  if (typeof retry !== 'function') throw new Error('no retry planned 5 s ahead');
  retry();
  await screen.findByText('ready');
  expect(photo).toHaveBeenCalledTimes(2);
});
