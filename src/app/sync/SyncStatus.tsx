import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { useLive, useNow, useOnline, useSyncStatus } from '../hooks.ts';
import { syncStatusText } from '../ui/sync-status-text.ts';
import { useSyncActions } from './use-sync-actions.ts';

/**
 * The header's honest answer to "is my work on the server?": state, what is
 * still only on this phone, when the last sync succeeded, and one tap to
 * sync or to export what has not been sent.
 */
export function SyncStatus() {
  const { lang } = useApp();
  const t = useT();
  const status = useSyncStatus();
  const summary = useLive((store) => store.outbox.summary(), []);
  const now = useNow(30_000);
  const actions = useSyncActions();
  const text = syncStatusText(t, lang, status, summary, now, useOnline());

  return (
    <section class="sync-status" aria-label={t('sync.region')} data-sync-engine-state={status.state}>
      <p class="sync-line">
        <strong class={`sync-state sync-state-${status.state}`}>{text.state}</strong>
        <span data-testid="sync-pending"> · {text.pending}</span>
        {text.rejected && <span> · {text.rejected}</span>}
      </p>
      <p class="sync-line sync-line-small">
        {text.last}
        {text.problem && <span> · {text.problem}</span>}
      </p>
      <div class="sync-actions">
        <button type="button" class="button button-small" onClick={actions.syncNow}>
          {t('sync.now')}
        </button>
        {text.hasUnsent && (
          <button type="button" class="button button-small" onClick={() => void actions.exportUnsent()} aria-label={t('sync.exportLong')}>
            {t('sync.export')}
          </button>
        )}
      </div>
    </section>
  );
}
