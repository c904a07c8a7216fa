/** The report pack (schouw report, terugkoppeling, open findings, exports) in both languages: `useT(reportPack, findingsPack)`, the labels of the schouw's codes coming from the schouw pack. */
import type { CoreKey } from '../i18n/core.ts';
import type { Pack, T } from '../i18n/translate.ts';
import { en } from './en.ts';
import type { FindingsKey } from '../schouw/nl.ts';
import { nl, type ReportKey } from './nl.ts';

export const reportPack: Pack<ReportKey> = { nl, en };

/** The `t` of the report screens, as helpers take it: this pack, then the schouw's labels. */
export type ReportT = T<CoreKey | ReportKey | FindingsKey>;
