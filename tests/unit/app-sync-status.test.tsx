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

  it('explains a failed state with the reason, in words', () => {
    const text = syncStatusText(t, 'nl', { ...idle, state: 'error', lastError: 'forbidden' }, undefined, NOW);
    expect(text.state).toBe('Synchroniseren mislukt');
    expect(text.short).toBe('Niet gelukt');
    expect(text.problem).toBe(nl['reason.forbidden']);
  });

  it('gives the foutcode of a server failure, to quote when asking for help', () => {
    const text = syncStatusText(t, 'nl', { ...idle, state: 'error', lastError: 'internal', lastErrorCode: 'K7QX2M9PZ4TB' }, undefined, NOW);
    expect(text.problem).toBe(`${nl['reason.internal']} (foutcode K7QX2M9PZ4TB — noem die als je om hulp vraagt)`);
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

describe('the header tells the truth in few words', () => {
  const online = { online: true, offlineSince: null };
  const offline = { online: false, offlineSince: NOW - 60_000 };
  const summary = (pending: number) => ({ pending, rejected: [], lastSyncAt: NOW - 120_000 });

  it('says "Geen verbinding" only when the phone is offline, and that the work is safe', () => {
    const text = syncStatusText(t, 'nl', idle, summary(2), NOW, offline);
    expect(text.tone).toBe('offline');
    expect(text.short).toBe('Geen verbinding');
    expect(text.problem).toMatch(/veilig op dit toestel/);
  });

  it('online but the server does not answer: the server is not reachable, the work is safe on the phone', () => {
    const text = syncStatusText(t, 'nl', { ...idle, state: 'offline', lastError: 'network' }, summary(2), NOW, online);
    expect(text.tone).toBe('unreachable');
    expect(text.short).toBe('Server onbereikbaar');
    expect(text.state).toBe('Server niet bereikbaar');
    expect(text.problem).toMatch(/veilig op dit toestel/);
    expect(`${text.short} ${text.state} ${text.problem}`).not.toMatch(/Geen verbinding/);
    const busy = syncStatusText(t, 'nl', { ...idle, state: 'error', lastError: 'server-unavailable' }, summary(0), NOW, online);
    expect(busy.tone).toBe('unreachable');
  });

  it('never says "Geen verbinding" right after a sync succeeded', () => {
    const text = syncStatusText(t, 'nl', { ...idle, lastSuccessAt: NOW - 1_000 }, summary(0), NOW, offline);
    expect(text.tone).toBe('sent');
    expect(text.short).toBe('Alles verstuurd');
    // A success from before the browser went offline proves nothing now.
    expect(syncStatusText(t, 'nl', { ...idle, lastSuccessAt: NOW - 90_000 }, summary(0), NOW, offline).tone).toBe('offline');
  });

  it('gives one message: the state, then a sentence that does not repeat it', () => {
    for (const [status, network] of [
      [idle, offline],
      [{ ...idle, state: 'offline', lastError: 'network' }, online],
      [{ ...idle, state: 'error', lastError: 'server-unavailable' }, online],
      [{ ...idle, state: 'error', lastError: 'forbidden' }, online],
    ] as const) {
      const text = syncStatusText(t, 'nl', status, summary(1), NOW, network);
      expect(text.problem).not.toBeNull();
      expect(text.problem?.toLowerCase()).not.toContain(text.state.toLowerCase());
      expect(text.problem).not.toBe(text.pending);
    }
  });

  it('gives the state its own line only when something is in the way (not "Klaar" above "Alles is verstuurd")', () => {
    expect(syncStatusText(t, 'nl', idle, summary(0), NOW, online).isTrouble).toBe(false);
    expect(syncStatusText(t, 'nl', idle, summary(3), NOW, online).isTrouble).toBe(false);
    expect(syncStatusText(t, 'nl', idle, summary(3), NOW, offline).isTrouble).toBe(true);
    expect(syncStatusText(t, 'nl', { ...idle, state: 'offline', lastError: 'network' }, summary(3), NOW, online).isTrouble).toBe(true);
  });

  it('keeps the header word short: it fits the button that never changes size', () => {
    const words = [
      syncStatusText(t, 'nl', idle, summary(0), NOW, online),
      syncStatusText(t, 'nl', idle, summary(120), NOW, online),
      syncStatusText(t, 'nl', { ...idle, state: 'syncing' }, summary(1), NOW, online),
      syncStatusText(t, 'nl', idle, summary(1), NOW, offline),
      syncStatusText(t, 'nl', { ...idle, state: 'offline', lastError: 'network' }, summary(1), NOW, online),
      syncStatusText(t, 'nl', { ...idle, state: 'error', lastError: 'forbidden' }, summary(1), NOW, online),
    ].map((text) => text.short);
    expect(words).toEqual(['Alles verstuurd', '120 niet verstuurd', 'Bezig…', 'Geen verbinding', 'Server onbereikbaar', 'Niet gelukt']);
    for (const word of words) expect(word.length).toBeLessThanOrEqual(19);
  });
});
