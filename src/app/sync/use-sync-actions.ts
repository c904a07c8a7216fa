/** "Nu synchroniseren" and "Exporteer", shared by the header's sheet and the settings screen. */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { reasonText } from '../i18n/reasons.ts';

export function useSyncActions() {
  const { syncNow, store, announce, now, platform } = useApp();
  const t = useT();
  // What the last tap did, shown beside the button (and said by the live region).
  const [feedback, setFeedback] = useState('');
  const tell = (text: string) => {
    setFeedback(text);
    announce(text);
  };
  return {
    feedback,
    syncNow(): void {
      const isOffline = () => platform.document.defaultView?.navigator.onLine === false;
      // Offline the engine does not try: say so at once rather than nothing.
      if (isOffline()) tell(t('sync.offlineTapped'));
      else setFeedback(t('sync.state.syncing'));
      void syncNow().then(
        (result) => {
          if (result?.ok) tell(t('sync.done'));
          // Online, a failed request means the server did not answer, not "no connection".
          else if (result) {
            // The status above already says why: beside the button a short word, the reason only aloud.
            setFeedback(t('sync.tryFailed'));
            announce(t('sync.failed', { reason: result.reason === 'network' && !isOffline() ? t('sync.problem.unreachable') : reasonText(result.reason, t) }));
          }
          // null: the browser is offline (the controller waits for `online`), or another tab is syncing.
          else if (isOffline()) setFeedback(t('sync.offlineTapped'));
          else setFeedback('');
        },
        () => tell(t('sync.failed', { reason: reasonText('internal', t) })),
      );
    },
    async exportUnsent(): Promise<void> {
      try {
        // The file code loads on this tap, beside the read: it is not on the first screen.
        const [{ downloadJson }, unsent] = await Promise.all([import('../ui/export-file.ts'), store.outbox.exportUnsent()]);
        const file = downloadJson(platform.document, unsent, now());
        tell(t('sync.exported', { file }));
      } catch {
        tell(t('sync.exportFailed'));
      }
    },
  };
}
