import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../src/app/ui/export-file.ts';
import { formatMegabytes } from '../../src/app/settings/megabytes.ts';
import { core as nl } from '../../src/app/i18n/core.ts';
import { coreEn as en } from '../../src/app/i18n/core-en.ts';
import { createT } from '../../src/app/i18n/translate.ts';
import { settingsPack } from '../../src/app/settings/pack.ts';
import { syncStatusText } from '../../src/app/ui/sync-status-text.ts';
import type { SyncControllerStatus } from '../../src/app/ports.ts';

const NOW = new Date(2026, 10, 22, 14, 0).getTime();
const t = createT('nl', nl);
const idle: SyncControllerStatus = { state: 'idle', lastSuccessAt: null, lastError: null, nextAttemptAt: null };

describe('the sync status in the header', () => {
  it('says how many changes are only on this phone', () => {
    const text = syncStatusText(t, 'nl', idle, { pending: 3, rejected: [], lastSyncAt: null }, NOW);
    expect(text.pending).toBe('3 wijzigingen alleen op dit toestel');
    expect(text.last).toBe('Nog nooit gesynchroniseerd');
    expect(text.hasUnsent).toBe(true);
  });

  it('says everything was sent, and when', () => {
    const text = syncStatusText(t, 'nl', idle, { pending: 0, rejected: [], lastSyncAt: NOW - 5 * 60_000 }, NOW);
    expect(text.pending).toBe('Alles is verstuurd');
    expect(text.last).toBe('Laatst gesynchroniseerd 5 minuten geleden');
    expect(text.hasUnsent).toBe(false);
  });

  it('takes the later of the stored and the engine’s last success', () => {
    const text = syncStatusText(t, 'nl', { ...idle, lastSuccessAt: NOW - 10_000 }, { pending: 0, rejected: [], lastSyncAt: NOW - 3_600_000 }, NOW);
    expect(text.last).toBe('Laatst gesynchroniseerd zojuist');
  });

  it('explains an offline or failed state with the reason, in words', () => {
    const text = syncStatusText(t, 'nl', { ...idle, state: 'offline', lastError: 'network' }, undefined, NOW);
    expect(text.state).toBe('Geen verbinding');
    expect(text.problem).toBe(nl['reason.network']);
  });

  it('counts rejected changes as not sent', () => {
    const rejected = [{ mutationId: 'm', recordId: 'r', recordType: 'activity', reason: 'invalid-payload' as const, createdAt: NOW }];
    const text = syncStatusText(createT('en', en), 'en', idle, { pending: 0, rejected, lastSyncAt: null }, NOW);
    expect(text.rejected).toBe('1 change rejected');
    expect(text.hasUnsent).toBe(true);
  });
});

describe('exporting what was not sent', () => {
  it('names the file after the local date', () => {
    expect(exportFileName(NOW)).toBe('buurtlog-niet-verstuurd-2026-11-22.json');
  });

  it('shows storage in megabytes', () => {
    expect(formatMegabytes('nl', createT('nl', nl, settingsPack), 1_234_567)).toBe('1,2 MB');
    expect(formatMegabytes('en', createT('en', en, settingsPack), 1_234_567)).toBe('1.2 MB');
  });
});

describe('the sync state while the browser is offline', () => {
  it('says "Geen verbinding" even though the engine rests idle', () => {
    expect(syncStatusText(t, 'nl', idle, undefined, NOW, false).state).toBe('Geen verbinding');
    expect(syncStatusText(t, 'nl', { ...idle, state: 'syncing' }, undefined, NOW, false).state).toBe('Bezig met synchroniseren…');
  });
});
