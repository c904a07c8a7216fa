import type { Page } from 'playwright-core';

/**
 * A JPEG nobody else has: drawn in the page (OffscreenCanvas, as a camera's
 * encoder would) from `seed` — its own colours, shapes and text, so the
 * processed photo, and its hash, differ from every other seed's.
 */
export async function drawPhoto(page: Page, seed: number): Promise<Buffer> {
  const bytes = await page.evaluate(async (seed) => {
    const canvas = new OffscreenCanvas(960, 720);
    const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    let state = seed * 7919 + 17;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    ctx.fillStyle = `hsl(${(seed * 67) % 360} 60% 55%)`;
    ctx.fillRect(0, 0, 960, 720);
    for (let i = 0; i < 24; i++) {
      ctx.fillStyle = `hsl(${Math.floor(random() * 360)} 70% ${30 + Math.floor(random() * 40)}%)`;
      ctx.fillRect(random() * 900, random() * 660, 40 + random() * 300, 40 + random() * 200);
    }
    ctx.fillStyle = '#fff';
    ctx.font = 'bold 96px sans-serif';
    ctx.fillText(`Foto ${seed}`, 60, 400);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, seed);
  return Buffer.from(bytes);
}
