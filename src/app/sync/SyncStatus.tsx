import { useRef } from 'preact/hooks';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { useLive, useNetwork, useNow, useSyncStatus } from '../hooks.ts';
import { syncStatusText, type SyncStatusText, type SyncTone } from '../ui/sync-status-text.ts';
import { useSyncActions } from './use-sync-actions.ts';

const ICONS: Record<SyncTone, string> = { sent: '✓', unsent: '●', syncing: '↻', offline: '✕', unreachable: '!', error: '!' };

/**
 * The header's honest answer to "is my work on the server?" in a few words,
 * in a button whose box never changes size (nothing moves under a thumb);
 * a tap opens a sheet with what is still only on this phone, when the last
 * sync succeeded, and one tap to sync or to export what has not been sent.
 */
export function SyncStatus() {
  const { lang } = useApp();
  const t = useT();
  const status = useSyncStatus();
  const summary = useLive((store) => store.outbox.summary(), []);
  const now = useNow(30_000);
  const text = syncStatusText(t, lang, status, summary, now, useNetwork());
  const sheet = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  return (
    <>
      <button
        ref={opener}
        type="button"
        class={`sync-chip sync-chip-${text.tone}`}
        aria-haspopup="dialog"
        aria-label={`${text.short} – ${t('sync.details')}`}
        data-testid="sync-chip"
        data-sync-engine-state={status.state}
        data-sync-tone={text.tone}
        onClick={() => sheet.current?.showModal?.()}
      >
        <span class="sync-chip-icon" aria-hidden="true">
          {ICONS[text.tone]}
        </span>
        <span class="sync-chip-text">{text.short}</span>
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the click only catches a tap on the backdrop; the keyboard closes a modal dialog with Escape and the sheet's own close button */}
      <dialog
        ref={sheet}
        class="sheet"
        aria-labelledby="sync-sheet-title"
        onClose={() => opener.current?.focus()}
        onClick={(event) => {
          // A tap on the backdrop (outside the sheet's box) closes it.
          if (event.target === sheet.current) sheet.current?.close();
        }}
      >
        <SyncDetails text={text} titleId="sync-sheet-title" onClose={() => sheet.current?.close()} />
      </dialog>
    </>
  );
}

/** The sheet's content: one state, one sentence on what it means, what is only here, and the two actions. */
function SyncDetails({ text, titleId, onClose }: { text: SyncStatusText; titleId: string; onClose(): void }) {
  const t = useT();
  const actions = useSyncActions();
  return (
    <section class="sync-sheet" aria-label={t('sync.region')}>
      <div class="sheet-head">
        <h2 id={titleId} class="sheet-title">
          {t('sync.title')}
        </h2>
        <button type="button" class="button button-small" onClick={onClose}>
          {t('sync.close')}
        </button>
      </div>
      {text.isTrouble && (
        <p>
          <strong>{text.state}</strong>
        </p>
      )}
      {text.problem && <p data-testid="sync-problem">{text.problem}</p>}
      <p data-testid="sync-pending">{text.pending}</p>
      {text.rejected && <p>{text.rejected}</p>}
      <p class="muted" data-testid="sync-last">
        {text.last}
      </p>
      <div class="action-stack">
        <button type="button" class="button button-primary button-block" onClick={actions.syncNow}>
          {t('sync.now')}
        </button>
        <button type="button" class="button button-block" onClick={() => void actions.exportUnsent()} aria-label={t('sync.exportLong')}>
          {t('sync.export')}
        </button>
      </div>
      <p class="sync-feedback" data-testid="sync-feedback">
        {actions.feedback}
      </p>
    </section>
  );
}
