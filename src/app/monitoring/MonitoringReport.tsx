import { INDICATOR_GROUPS, type MonitoringAnswer } from '../../domain/indicators.ts';
import type { IndicatorTarget } from '../../domain/monitoring-settings.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { DetailItem } from '../ui/DetailItem.tsx';
import { downloadFile } from '../ui/download.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { visible } from '../../domain/tenant-config.ts';
import { CbsContext } from './CbsContext.tsx';
import { reportContext } from './cbs-logic.ts';
import { FiguresStatus } from './FiguresStatus.tsx';
import { filtersOf, formatValue, indicatorRows, quarterLabel, type Filters, type IndicatorRow } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { indicatorCsv, indicatorCsvName, indicatorLabel, indicatorSummary } from './report-logic.ts';
import { monitoringHref } from './routes.ts';
import { TrendChart } from './TrendChart.tsx';
import { useFigures } from './use-figures.ts';
import '../ui/ui.css';
import '../report/report.css';
import './monitoring.css';

const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * `#/monitoring/rapport?period=…&from=…&buurtId=…`: the regiegroep's report
 * of the dashboard's figures for one period and its filters, on screen and
 * as an A4 page in print (report.css's print conventions, monitoring.css's
 * own): the period and filters, how old the figures are, and per indicator
 * a short text, its trend chart and its numbers in a table. The same answer
 * as the dashboard (the cached one offline); the indicator table as CSV.
 */
export function MonitoringReport({ query }: { query: string }) {
  const { config, lang, principal, platform, announce } = useApp();
  const t = useT(monitoringPack);
  const today = localDate(Date.now());
  const fallback: Filters = { period: 'quarter', from: today, to: today, buurtId: '', themeId: '', projectId: '' };
  const filters = filtersOf(Object.fromEntries(new URLSearchParams(query)), fallback);
  const figures = useFigures(filters);
  const settings = useLive((s) => s.monitoring.settings(), []);
  // Shown only with the 0-metingen and targets read: before that each indicator would say "Nog geen 0-meting".
  const { state, retry } = figures;
  const shown = settings === undefined ? null : figures.shown;
  const targets = settings?.targets ?? new Map<string, IndicatorTarget>();
  const rows = shown === null ? [] : indicatorRows(shown.answer, targets);
  // CBS context for the buurten the figures cover, of the period's year (cbs-logic.ts).
  const contextYear = Number((shown?.answer.period.to ?? filters.to).slice(0, 4));
  const covered =
    shown === null ? [] : shown.answer.filters.buurtId ? [shown.answer.filters.buurtId] : (shown.answer.buurtIds ?? visible(config.buurten).map((b) => b.id));
  const context = settings === undefined ? [] : reportContext(covered, contextYear, settings.cbs, settings.residents);
  const buurt = (id: string | null) =>
    id
      ? buurtName(t, config, id)
      : principal.role === 'coordinator' || principal.buurtIds.length === 0
        ? t('monitoring.allBuurten')
        : t('monitoring.ownBuurten');

  const download = (answer: MonitoringAnswer) => {
    const fileName = indicatorCsvName(answer, answer.filters.buurtId ? buurtName(t, config, answer.filters.buurtId) : null);
    try {
      downloadFile(platform.document, indicatorCsv(t, answer, rows), fileName, CSV_TYPE);
      announce(t('monitoring.csvDownloaded', { file: fileName }));
    } catch (error) {
      console.error('export failed', error);
      announce(t('monitoring.csvFailed'));
    }
  };

  return (
    <article class="print-page monitoring-report">
      <ScreenTitle>{t('monitoring.report.title')}</ScreenTitle>
      <div class="report-toolbar no-print" role="group" aria-label={t('monitoring.report.actions')}>
        <button type="button" class="button button-primary" disabled={shown === null} onClick={() => platform.document.defaultView?.print()}>
          {t('monitoring.report.print')}
        </button>
        <button type="button" class="button" disabled={shown === null} onClick={() => shown && download(shown.answer)}>
          {t('monitoring.csvLink')}
        </button>
        <a href={monitoringHref({ name: 'dashboard' })}>{t('monitoring.report.back')}</a>
      </div>
      <section aria-labelledby="monitoring-report-filters" class="report-section">
        <h2 id="monitoring-report-filters" class="visually-hidden">
          {t('monitoring.report.filters')}
        </h2>
        <dl class="details report-facts">
          <DetailItem term={t('monitoring.period')}>
            {t('monitoring.report.periodValue', {
              kind: t(`monitoring.period.${shown?.answer.period.kind ?? filters.period}`),
              from: formatDate(lang, shown?.answer.period.from ?? filters.from),
              to: formatDate(lang, shown?.answer.period.to ?? filters.to),
            })}
          </DetailItem>
          <DetailItem term={t('monitoring.buurt')}>{buurt(shown?.answer.filters.buurtId ?? (filters.buurtId || null))}</DetailItem>
          <DetailItem term={t('monitoring.theme')}>
            {config.themes.find((theme) => theme.id === filters.themeId)?.label ?? t('monitoring.allThemes')}
          </DetailItem>
          <DetailItem term={t('monitoring.project')}>
            {config.projects.find((project) => project.id === filters.projectId)?.name ?? t('monitoring.allProjects')}
          </DetailItem>
        </dl>
      </section>
      <FiguresStatus shown={shown} state={state} retry={retry} />
      {shown !== null &&
        INDICATOR_GROUPS.map((group) => {
          const inGroup = rows.filter((row) => row.indicator.group === group);
          if (inGroup.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`report-group-${group}`} class="report-section monitoring-report-group">
              <h2 id={`report-group-${group}`}>{t(`monitoring.group.${group}`)}</h2>
              {inGroup.map((row) => (
                <IndicatorBlock key={row.indicator.key} row={row} quarters={shown.answer.quarters} />
              ))}
            </section>
          );
        })}
      {context.length > 0 && <CbsContext rows={context} year={contextYear} />}
    </article>
  );
}

function IndicatorBlock({ row, quarters }: { row: IndicatorRow; quarters: readonly string[] }) {
  const { lang } = useApp();
  const t = useT(monitoringPack);
  const { indicator, value, baseline, target } = row;
  const label = indicatorLabel(t, indicator.key);
  const id = `report-${indicator.key}`;
  return (
    <section class="report-indicator" aria-labelledby={id} data-indicator={indicator.key}>
      <h3 id={id}>{label}</h3>
      <p class="report-indicator-text">{indicatorSummary(t, lang, row)}</p>
      {value.applies && (
        <>
          <TrendChart values={value.trend} baseline={baseline} target={target} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
          <div class="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
            <table class="monitoring-table report-trend-table">
              <caption id={`${id}-caption`}>{t('monitoring.report.trendCaption', { label })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.report.quarter')}</th>
                  {quarters.map((quarter) => (
                    <th key={quarter} scope="col">
                      {quarterLabel(t, quarter)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('monitoring.value')}</th>
                  {quarters.map((quarter, index) => (
                    <td key={quarter}>{formatValue(t, lang, indicator.unit, value.trend[index] ?? null)}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
