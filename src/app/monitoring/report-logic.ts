/**
 * The words and numbers of the printable report and of the indicator
 * table's CSV file (Excel-NL through ui/csv.ts: `;`, BOM, decimal comma,
 * formulas neutralised). Pure: tested in tests/unit/monitoring-report.test.ts.
 */
import type { MonitoringAnswer } from '../../domain/indicators.ts';
import type { Lang } from '../i18n/translate.ts';
import { toCsv, type CsvCell } from '../../domain/csv.ts';
import { fileSlug } from '../ui/download.ts';
import { formatValue, quarterLabel, referenceUnit, type IndicatorRow } from './logic.ts';
import type { MonitoringT } from './pack.ts';

export function indicatorLabel(t: MonitoringT, key: string): string {
  return t(`indicator.${key}` as 'indicator.participants');
}

/**
 * The short text of an indicator, under its name: its value in the
 * period, then its 0-meting and target and whether it is on track.
 *
 * @example
 * indicatorSummary(t, 'nl', participants) // '20 in deze periode. 0-meting 15, doel 16,5: op koers.'
 */
export function indicatorSummary(t: MonitoringT, lang: Lang, row: IndicatorRow): string {
  const { indicator, value, baseline, target, track } = row;
  if (!value.applies) return t('monitoring.notApplicable');
  const first =
    value.value === null ? t('monitoring.report.noValue') : t('monitoring.report.value', { value: formatValue(t, lang, indicator.unit, value.value) });
  if (baseline === null || target === null) return `${first} ${t('monitoring.report.noBaseline')}`;
  const references = { baseline: formatValue(t, lang, referenceUnit(indicator), baseline), target: formatValue(t, lang, referenceUnit(indicator), target) };
  const second =
    track === null ? t('monitoring.report.targetOnly', references) : t(track ? 'monitoring.report.onTrack' : 'monitoring.report.offTrack', references);
  return `${first} ${second}`;
}

/**
 * The indicator table as a CSV file: one row per indicator with its unit,
 * value, 0-meting, target, on track and the value per quarter, as plain
 * numbers (a percentage as 82,5, not "82,5 %") so a spreadsheet can count
 * with them. Empty where there is no value.
 */
export function indicatorCsv(t: MonitoringT, answer: MonitoringAnswer, rows: readonly IndicatorRow[]): string {
  const header: CsvCell[] = [
    t('monitoring.indicator'),
    t('monitoring.csv.group'),
    t('monitoring.csv.unit'),
    t('monitoring.value'),
    t('monitoring.baseline'),
    t('monitoring.target'),
    t('monitoring.csv.onTrack'),
    ...answer.quarters.map((quarter) => quarterLabel(t, quarter)),
  ];
  const lines = rows.map(({ indicator, value, baseline, target, track }): CsvCell[] => [
    indicatorLabel(t, indicator.key),
    t(`monitoring.group.${indicator.group}`),
    t(`monitoring.unit.${indicator.unit}`),
    value.applies ? value.value : null,
    baseline,
    target,
    track === null ? null : t(track ? 'monitoring.csv.yes' : 'monitoring.csv.no'),
    ...answer.quarters.map((_, index) => (value.applies ? (value.trend[index] ?? null) : null)),
  ]);
  return toCsv([header, ...lines]);
}

/**
 * @example
 * indicatorCsvName(answer, 'Oranjebuurt') // 'monitoring-2026-01-01-2026-03-31-oranjebuurt.csv'
 */
export function indicatorCsvName(answer: MonitoringAnswer, buurt: string | null): string {
  const slug = buurt === null ? '' : fileSlug(buurt);
  return `monitoring-${answer.period.from}-${answer.period.to}${slug ? `-${slug}` : ''}.csv`;
}
