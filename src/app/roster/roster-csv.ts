/** The effort per team and buurt as a CSV file for Dutch Excel (ui/csv.ts: `;`, BOM, decimal comma, formulas neutralised). */
import { toCsv } from '../../domain/csv.ts';
import type { RosterT } from './pack.ts';
import { percent, type EffortRow } from './roster-logic.ts';

export function effortCsv(rows: readonly EffortRow[], t: RosterT, teamName: (id: string) => string, buurt: (id: string) => string): string {
  const header = [
    'rosterCsv.team',
    'rosterCsv.buurt',
    'rosterCsv.rounds',
    'rosterCsv.hours',
    'rosterCsv.paired',
    'rosterCsv.slots',
    'rosterCsv.covered',
    'rosterCsv.coverage',
    'rosterCsv.safety',
    'rosterCsv.publicSpace',
  ] as const;
  return toCsv([
    header.map((key) => t(key)),
    ...rows.map((row) => [
      teamName(row.teamId),
      buurt(row.buurtId),
      row.rounds,
      Math.round(row.hours * 100) / 100,
      percent(row.paired, row.rounds),
      row.slots,
      row.covered,
      percent(row.covered, row.slots),
      row.safety,
      row.publicSpace,
    ]),
  ]);
}
