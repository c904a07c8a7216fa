import { useT } from '../i18n/use-t.ts';

/**
 * "Er is een nieuwe versie": the shell shows it while an update waits and
 * no form holds unsaved input (src/app/ui/unsaved-work.ts). Speaks the app's language
 * inside the app, Dutch anywhere else.
 */
export function UpdateBanner({ visible, onUpdate }: { visible: boolean; onUpdate(): void }) {
  const t = useT();
  if (!visible) return null;
  return (
    <section class="update-banner" aria-labelledby="update-banner-text">
      <p id="update-banner-text">{t('update.text')}</p>
      <button type="button" class="button button-primary" onClick={onUpdate}>
        {t('update.button')}
      </button>
    </section>
  );
}
