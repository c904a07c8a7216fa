import { useApp } from '../context.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { EffortTable } from './EffortTable.tsx';
import { ObservationItem } from './ObservationItem.tsx';
import { rosterPack } from './pack.ts';
import { useEffort } from './use-effort.ts';
import '../report/report.css';
import './roster.css';

/** `#/inzet/maand/<YYYY-MM>`: the printable monthly team report (A4): effort per team and buurt, observations by type, every observation. */
export function MonthReport({ month }: { month: string }) {
  const { lang, platform } = useApp();
  const t = useT(rosterPack);
  const effort = useEffort(month);
  const name = new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00`));
  return (
    <article class="print-page month-report">
      <ScreenTitle>{t('monthReport.title', { month: name })}</ScreenTitle>
      {effort === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : (
        <>
          <EffortTable rows={effort.rows} />
          <section class="report-section">
            <h2>{t('roundReport.observations')}</h2>
            {effort.observations.length === 0 ? (
              <p class="muted">{t('roundReport.noObservations')}</p>
            ) : (
              <ul class="observation-list">
                {effort.observations.map((observation) => (
                  <ObservationItem key={observation.id} observation={observation} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <button type="button" class="button button-block no-print" onClick={() => platform.document.defaultView?.print()}>
        {t('roundReport.print')}
      </button>
    </article>
  );
}
