import { useApp } from '../context.ts';
import { formatRelative } from '../format.ts';
import { useNow, useOnline } from '../hooks.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { monitoringPack } from './pack.ts';
import type { FiguresState, Shown } from './use-figures.ts';

/**
 * How old the figures are (and that they are the cached ones when there is
 * no connection), or that there are none yet; with "Opnieuw ophalen" after
 * a failed fetch. A fixed height (monitoring.css), so nothing below moves.
 */
export function FiguresStatus({ shown, state, retry }: { shown: Shown | null; state: FiguresState; retry(): void }) {
  const { lang } = useApp();
  const t = useT(monitoringPack);
  const now = useNow(30_000);
  const online = useOnline();
  const time = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <div class="monitoring-status" role="status" data-testid="monitoring-age">
      {shown === null ? (
        state === 'failed' ? (
          <p>{t('monitoring.none')}</p>
        ) : (
          <p class="muted">{t('monitoring.loading')}</p>
        )
      ) : (
        <p>
          {t(state === 'failed' || !online ? 'monitoring.ageOffline' : 'monitoring.age', {
            time: time.format(shown.savedAt),
            age: formatRelative(lang, t, shown.savedAt, Math.max(now, shown.savedAt)),
          })}
        </p>
      )}
      {state === 'failed' && (
        <button type="button" class="button no-print" onClick={retry}>
          {t('monitoring.retry')}
        </button>
      )}
    </div>
  );
}
