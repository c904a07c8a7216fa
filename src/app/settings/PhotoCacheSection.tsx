import { useEffect, useState } from 'preact/hooks';
import type { PhotoUsage } from '../../store/photo-store.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { choosePhotoBudget, chosenPhotoBudgetMb, currentPhotoBudget, PHOTO_BUDGET_CHOICES_MB } from '../photos/photo-budget.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { formatMegabytes } from './megabytes.ts';
import { activityPack } from '../activities/form/pack.ts';
import { settingsPack } from './pack.ts';

/**
 * Instellingen → "Foto’s van anderen": how much room the photos fetched from
 * the server take, the most they may take (photo-budget.ts), and a way to
 * clear them. This phone's own photos are not part of it and never go.
 */
export function PhotoCacheSection() {
  const { lang, store, announce } = useApp();
  const t = useT(settingsPack, activityPack);
  const [usage, setUsage] = useState<PhotoUsage | null>(null);
  const [budget, setBudget] = useState<{ bytes: number; chosenMb: number } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const refresh = () => {
    void store.photos.usage().then(setUsage, () => setUsage(null));
    void Promise.all([currentPhotoBudget(), chosenPhotoBudgetMb()]).then(([bytes, chosenMb]) => setBudget({ bytes, chosenMb }));
  };
  useEffect(refresh, [store]);

  const choose = async (mb: number) => {
    try {
      const bytes = await choosePhotoBudget(mb);
      setBudget({ bytes, chosenMb: mb });
      // A lower budget applies at once.
      await store.photos.evict(bytes);
    } catch {
      announce(t('form.saveFailed'));
    }
    refresh();
  };

  const clear = async (close: () => void) => {
    setBusy(true);
    try {
      const count = await store.photos.clearOthers();
      announce(t('settings.photoCache.cleared', { count }));
    } catch {
      announce(t('form.saveFailed'));
    } finally {
      setBusy(false);
      close();
      refresh();
    }
  };

  const mb = (bytes: number) => formatMegabytes(lang, t, bytes);
  return (
    <section class="card" aria-labelledby="settings-photo-cache">
      <h2 id="settings-photo-cache">{t('settings.photoCache')}</h2>
      <p data-testid="photo-cache-usage">
        {usage && budget ? t('settings.photoCache.usage', { used: mb(usage.others.bytes), budget: mb(budget.bytes) }) : t('app.loading')}
      </p>
      <p class="muted" data-testid="photo-cache-own">
        {usage ? t('settings.photoCache.own', { used: mb(usage.own.bytes) }) : ''}
      </p>
      <div class="field photo-budget">
        <label for="settings-photo-budget">{t('settings.photoCache.budget')}</label>
        <select id="settings-photo-budget" value={String(budget?.chosenMb ?? 0)} onChange={(e) => void choose(Number(e.currentTarget.value))}>
          <option value="0">{t('settings.photoCache.auto')}</option>
          {PHOTO_BUDGET_CHOICES_MB.map((choice) => (
            <option key={choice} value={String(choice)}>
              {t('settings.megabytes', { value: String(choice) })}
            </option>
          ))}
        </select>
      </div>
      <ConfirmButton
        variant="stacked"
        label={t('settings.photoCache.clear')}
        questionId="settings-photo-cache-question"
        question={t('settings.photoCache.clearQuestion')}
        yes={t('settings.photoCache.clearYes')}
        no={t('settings.photoCache.clearNo')}
        focus="no"
        isBusy={isBusy}
        onConfirm={clear}
      />
      <p class="field-hint">{t('settings.photoCache.hint')}</p>
    </section>
  );
}
