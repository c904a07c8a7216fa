/** "Nu synchroniseren" and "Exporteer", shared by the header and the settings screen. */
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { reasonText } from '../i18n/reasons.ts';

export function useSyncActions() {
  const { syncNow, store, announce, now, platform } = useApp();
  const t = useT();
  return {
    syncNow(): void {
      void syncNow().then(
        (result) => {
          if (result) announce(result.ok ? t('sync.done') : t('sync.failed', { reason: reasonText(result.reason, t) }));
          // null: the browser is offline (the controller waits for `online`), or another tab is syncing.
          else if (platform.document.defaultView?.navigator.onLine === false) announce(t('sync.failed', { reason: reasonText('network', t) }));
        },
        () => announce(t('sync.failed', { reason: reasonText('internal', t) })),
      );
    },
    async exportUnsent(): Promise<void> {
      try {
        // The file code loads on this tap, beside the read: it is not on the first screen.
        const [{ downloadJson }, unsent] = await Promise.all([import('../ui/export-file.ts'), store.outbox.exportUnsent()]);
        const file = downloadJson(platform.document, unsent, now());
        announce(t('sync.exported', { file }));
      } catch {
        announce(t('sync.exportFailed'));
      }
    },
  };
}
