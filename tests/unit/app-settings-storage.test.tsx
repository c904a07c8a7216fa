// @vitest-environment happy-dom
/**
 * Settings → Opslag in a browser without the storage API (WebKitGTK, older
 * Safari): it says so, what it means (iOS clears a site's data after 7 days
 * unused) and urges a sync when something is only on this phone.
 */
import 'fake-indexeddb/auto';
import { fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsScreen } from '../../src/app/settings/SettingsScreen.tsx';
import { activityInput } from '../fixtures/factories.ts';
import { cleanupApps, openApp } from '../fixtures/render-app.tsx';

afterEach(cleanupApps);

describe('storage where the browser has no storage API', () => {
  it('says it is not available, what that means, and offers a sync for what is only on this phone', async () => {
    const app = await openApp();
    const syncNow = vi.fn(async () => null);
    app.context.syncNow = syncNow;
    await app.store.ui.activities.create(activityInput());
    app.render(<SettingsScreen />);

    const notice = await screen.findByTestId('storage-unavailable');
    expect(notice.textContent).toContain('Niet beschikbaar in deze browser');
    expect(notice.textContent).toContain('7 dagen');
    expect(await screen.findByText('1 wijziging alleen op dit toestel', { selector: '[data-testid="storage-unavailable"] strong' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vraag om blijvende opslag' })).toBeNull();
    const buttons = screen.getAllByRole('button', { name: 'Nu synchroniseren' });
    fireEvent.click(buttons[0] as HTMLElement);
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('shows persistence and space where the browser has the API', async () => {
    const app = await openApp();
    app.context.platform.storageInfo = async () => ({ available: true, persisted: false, usage: 2_000_000, quota: 50_000_000 });
    app.render(<SettingsScreen />);

    expect(await screen.findByTestId('storage-persisted')).toBeTruthy();
    expect(screen.queryByTestId('storage-unavailable')).toBeNull();
    expect(screen.getByRole('button', { name: 'Vraag om blijvende opslag' })).toBeTruthy();
  });
});
