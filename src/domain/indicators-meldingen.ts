/**
 * Meldingen contributed (DOMAIN.md "Indicators", +10 % target): findings and
 * patrol observations with a melding number. No facts of its own: it counts
 * the `flag` of the finding and observation facts (indicators-schouw.ts,
 * indicators-patrol.ts). Observations have no theme or project, so the
 * theme and project filters do not apply.
 */
import type { IndicatorDefinition } from './indicators.ts';

export const MELDINGEN_INDICATORS: readonly IndicatorDefinition[] = [
  { key: 'meldingen', group: 'meldingen', unit: 'count', better: 'higher', byThemeAndProject: false, breakdowns: ['source'] },
];
