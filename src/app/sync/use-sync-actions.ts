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
      const offline = platform.document.defaultView?.navigator.onLine === false;
      // Offline the engine does not try: say so at once rather than nothing.
      setFeedback(offline ? t('sync.offlineTapped') : t('sync.state.syncing'));
      if (offline) announce(t('sync.offlineTapped'));
      void syncNow().then(
        (result) => {
          if (result) tell(result.ok ? t('sync.done') : t('sync.failed', { reason: reasonText(result.reason, t) }));
          // null: the browser is offline (the triggers wait for `online`), or another tab is syncing.
          else if (platform.document.defaultView?.navigator.onLine === false) setFeedback(t('sync.offlineTapped'));
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
