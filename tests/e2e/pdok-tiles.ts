/** The PDOK map tiles as the e2e tests answer them (tests never reach PDOK). */
import type { BrowserContext } from 'playwright-core';

/** A 1×1 PNG: every map tile. */
export const TILE_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Answers every BRT-Achtergrondkaart tile request of the device with TILE_PNG. */
export async function routeTiles(context: BrowserContext): Promise<void> {
  await context.route('https://service.pdok.nl/**', (route) =>
    route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG, headers: { 'access-control-allow-origin': '*' } }),
  );
}
