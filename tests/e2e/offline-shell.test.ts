import { describe, expect, it } from 'vitest';
import { BuurtlogPage } from './buurtlog-page.ts';
import { launchPersistentDevice, newDevice } from './harness.ts';
import { useServerAndBrowser } from './use-server-and-browser.ts';

describe('the app shell', () => {
  const env = useServerAndBrowser();

  it('opens from the service worker after a first visit online, offline and after a reload', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    await phone.waitUntilOfflineReady();

    await phone.goOffline();
    await phone.reload();
    await phone.waitForList();
    // Lazy screens come from the precache too.
    await phone.page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
    await phone.expectSoon('the form, offline', () => phone.page.getByRole('heading', { level: 1, name: 'Nieuwe activiteit' }).waitFor({ timeout: 30_000 }));
    await context.close();
  });

  it('never answers API requests from the service worker', async () => {
    const context = await newDevice(env.browser);
    const phone = await BuurtlogPage.open(context, env.server.url);
    await phone.waitUntilOfflineReady();

    const online = await phone.page.evaluate(async () => {
      const response = await fetch('/api/v1/nothing-here');
      return { status: response.status, type: response.headers.get('content-type') };
    });
    expect(online.status).toBe(404);
    expect(online.type).toContain('application/json');

    await phone.goOffline();
    const offline = await phone.page.evaluate(() =>
      fetch('/api/v1/health').then(
        () => 'answered',
        () => 'network error',
      ),
    );
    expect(offline).toBe('network error');
    await context.close();
  });

  it('is installable: Chromium reports no installability errors', async () => {
    const device = await launchPersistentDevice();
    try {
      const phone = await BuurtlogPage.open(device.context, env.server.url);
      await phone.waitUntilOfflineReady();
      const page = phone.page;
      const cdp = await device.context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
      expect(installabilityErrors).toEqual([]);

      const manifest = (await (await fetch(`${env.server.url}/manifest.webmanifest`)).json()) as Record<string, unknown>;
      expect(manifest).toMatchObject({ name: 'Buurtlog', lang: 'nl', display: 'standalone' });
      const icons = manifest['icons'] as Array<{ sizes: string; purpose: string }>;
      expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    } finally {
      await device.dispose();
    }
  });
});
