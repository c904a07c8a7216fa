/**
 * The words and numbers of the CBS context (domain: cbs-figures.ts): a
 * figure as people read it, an import problem as a sentence a coordinator
 * can act on, and which figures the report shows. Pure: tested in
 * tests/unit/monitoring-cbs.test.ts.
 */
import { latestCbsFigures, type CbsFigure, type CbsFigures, type CbsImportProblem } from '../../domain/cbs-figures.ts';
import type { ResidentCount } from '../../domain/monitoring-settings.ts';
import { LOCALES, type Lang } from '../i18n/translate.ts';
import { formatValue } from './logic.ts';
import type { MonitoringT } from './pack.ts';

/** "2.480", "€ 27.400", "25,0 %"; "–" for unknown. */
export function formatCbsFigure(t: MonitoringT, lang: Lang, figure: CbsFigure, value: number | null): string {
  if (value === null) return '–';
  if (figure === 'share65Plus') return formatValue(t, lang, 'percent', value);
  if (figure === 'averageIncome' || figure === 'averageWoz') {
    return t('cbs.euro', { value: new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 }).format(value) });
  }
  return formatValue(t, lang, 'count', value);
}

/** A problem of the import as one sentence that says what to do. */
export function cbsProblemText(t: MonitoringT, problem: CbsImportProblem): string {
  switch (problem.kind) {
    case 'empty':
      return t('cbs.problem.empty');
    case 'noCodeColumn':
      return t('cbs.problem.noCodeColumn', { headers: problem.headers.map((header) => `“${header}”`).join(', ') });
    case 'noFigureColumns':
      return t('cbs.problem.noFigureColumns');
    case 'missingColumn':
      return t('cbs.problem.missingColumn', { column: t(`cbs.column.${problem.column}`) });
    case 'badNumber':
      return t('cbs.problem.badNumber', { line: problem.line, code: problem.code, value: problem.value, column: t(`cbs.column.${problem.column}`) });
    case 'duplicate':
      return t('cbs.problem.duplicate', { line: problem.line, code: problem.code });
    case 'badLine':
      return t('cbs.problem.badLine', { line: problem.line, cells: problem.cells, expected: problem.expected });
  }
}

/** One buurt's lines in the report's context: its latest CBS figures (if any) and the resident count "per 100 residents" used. */
export type BuurtContext = {
  readonly buurtId: string;
  readonly figures: CbsFigures;
  /** The typed resident count of the period's year, which "participants per 100 residents" uses; null when none. */
  readonly typed: ResidentCount | null;
};

/**
 * The report's context for the buurten it covers that have CBS figures, for
 * the period's year: the latest CBS year at or before it. Empty when none
 * has (the report then has no context section).
 */
export function reportContext(buurtIds: readonly string[], year: number, cbs: readonly CbsFigures[], residents: readonly ResidentCount[]): BuurtContext[] {
  return buurtIds.flatMap((buurtId) => {
    const figures = latestCbsFigures(cbs, buurtId, year);
    return figures === null ? [] : [{ buurtId, figures, typed: residents.find((r) => r.buurtId === buurtId && r.year === year) ?? null }];
  });
}
