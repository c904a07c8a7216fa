/**
 * The report pack (schouw report, terugkoppeling, open findings, exports) in
 * both languages, and the `t` those screens use: this pack first, then the
 * findings pack (the labels of the schouw's codes), then the core words.
 */
import { useApp } from '../../context.ts';
import { findingsPack } from '../findings/pack.ts';
import { packT, type Pack, type PackT } from '../pack.ts';
import type { FindingsKey } from '../findings/nl.ts';
import { en } from './en.ts';
import { nl, type ReportKey } from './nl.ts';

export const reportPack: Pack<ReportKey> = { nl, en };
export type ReportT = PackT<ReportKey | FindingsKey>;

export function useReportT(): ReportT {
  const { t, lang } = useApp();
  return packT(t, lang, reportPack, findingsPack);
}
