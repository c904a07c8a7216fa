/**
 * The report screens' words for a finding's codes, places and ages, made
 * once from the report `t` and the tenant's config, so the screens and the
 * exports say the same thing.
 */
import type { Config } from '../../domain/config-records.ts';
import { findingLabel } from '../schouw/labels.ts';
import type { ReportT } from './pack.ts';
import { LOCALES, type Lang } from '../i18n/translate.ts';
import { FINDING_CSV_COLUMNS, type FindingCsvWords } from './csv.ts';
import { placeText, placeOf, type Age, type FindingWords, type ReportFinding } from './report-data.ts';

export function partnerName(config: Pick<Config, 'partners'> | null, id: string): string {
  return config?.partners.find((partner) => partner.id === id)?.name ?? id;
}

export function findingWords(t: ReportT, config: Pick<Config, 'partners'> | null): FindingWords {
  return {
    element: (value) => findingLabel(t, 'element', value),
    aspect: (value) => findingLabel(t, 'aspect', value),
    level: (value) => findingLabel(t, 'level', value),
    action: (value) => findingLabel(t, 'action', value),
    meldingStatus: (value) => findingLabel(t, 'meldingStatus', value),
    status: (value) => findingLabel(t, 'findingStatus', value),
    partner: (id) => partnerName(config, id),
  };
}

export function csvWords(t: ReportT, config: Pick<Config, 'partners'> | null): FindingCsvWords {
  return {
    ...findingWords(t, config),
    headers: Object.fromEntries(FINDING_CSV_COLUMNS.map((column) => [column, t(`csv.header.${column}`)])) as FindingCsvWords['headers'],
    yes: t('csv.yes'),
    no: t('csv.no'),
  };
}

/** "Boom en boomspiegel — Beschadigd". */
export function whatText(t: ReportT, finding: Pick<ReportFinding, 'element' | 'aspect'>): string {
  return `${findingLabel(t, 'element', finding.element)} — ${findingLabel(t, 'aspect', finding.aspect)}`;
}

/** The finding's address, or its point ("51,86120 NB, 4,66010 OL"), or "Geen plek vastgelegd". */
export function whereText(t: ReportT, lang: Lang, finding: Pick<ReportFinding, 'location' | 'address'>): string {
  const format = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 5, maximumFractionDigits: 5, useGrouping: false });
  return placeText(placeOf(finding), (lat, lon) => t('report.point', { lat: format.format(lat), lon: format.format(lon) })) || t('report.placeNone');
}

export function ageText(t: ReportT, age: Age): string {
  if (age.unit === 'today') return t('openFindings.age.today');
  const form = age.count === 1 ? 'one' : 'other';
  return t(`openFindings.age.${age.unit}.${form}`, { count: age.count });
}

/** "12 van 20 …" wording by count: `.one` for exactly one, `.other` otherwise. */
export function counted(
  t: ReportT,
  base: 'report.findingCount' | 'report.mapMissing' | 'openFindings.openCount' | 'openFindings.shown',
  count: number,
): string {
  return t(`${base}.${count === 1 ? 'one' : 'other'}`, { count });
}
