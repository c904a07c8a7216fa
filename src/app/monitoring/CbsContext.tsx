import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import type { BuurtContext } from './cbs-logic.ts';
import { CbsTable } from './CbsTable.tsx';
import { formatValue } from './logic.ts';
import { monitoringPack } from './pack.ts';

/**
 * The report's CBS context (issue 12 item 5): per buurt its latest CBS
 * figures up to the period's year, labelled as survey context and never as
 * a result of the programme, and per buurt which resident count "deelnemers
 * per 100 inwoners" uses — the typed one, or none (the CBS count then only
 * as context). One unbreakable block in print.
 */
export function CbsContext({ rows, year }: { rows: readonly BuurtContext[]; year: number }) {
  const { lang, config } = useApp();
  const t = useT(monitoringPack);
  const name = (id: string) => buurtName(t, config, id);
  return (
    <section aria-labelledby="report-cbs" class="report-section monitoring-report-group" data-testid="cbs-context">
      <h2 id="report-cbs">{t('cbs.report.title')}</h2>
      <div class="report-indicator">
        <p>{t('cbs.report.intro')}</p>
        <CbsTable rows={rows.map((row) => row.figures)} caption={{ id: 'report-cbs-caption', text: t('cbs.report.caption', { year }) }} />
        <ul class="cbs-residents">
          {rows.map(({ buurtId, figures, typed }) =>
            typed !== null ? (
              <li key={buurtId}>
                {t('cbs.report.perHundredTyped', { buurt: name(buurtId), count: formatValue(t, lang, 'count', typed.count), year: typed.year })}
              </li>
            ) : figures.residents !== null ? (
              <li key={buurtId}>
                {t('cbs.report.perHundredCbs', { buurt: name(buurtId), year, count: formatValue(t, lang, 'count', figures.residents), cbsYear: figures.year })}
              </li>
            ) : null,
          )}
        </ul>
      </div>
    </section>
  );
}
