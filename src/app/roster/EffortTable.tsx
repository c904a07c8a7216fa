import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { observationTypeLabel } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { rosterPack } from './pack.ts';
import { percent, typeTotals, type EffortRow } from './roster-logic.ts';

const percentText = (value: number | null) => (value === null ? '–' : `${value}%`);

/** Effort per team and buurt: rounds, hours walked, share with ≥ 2 walkers, roster coverage, observations; then the types. */
export function EffortTable({ rows }: { rows: readonly EffortRow[] }) {
  const { config, lang } = useApp();
  const t = useT(rosterPack, patrolPack);
  const teamName = (id: string) => config.teams.find((team) => team.id === id)?.name ?? id;
  const hours = new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  if (rows.length === 0) return <p class="empty-state">{t('effort.empty')}</p>;
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus so it can be scrolled without a mouse (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <div class="table-scroll" role="region" aria-label={t('rosterEffortTable')} tabIndex={0}>
        <table class="report-table effort-table">
          <thead>
            <tr>
              <th scope="col">{t('effort.team')}</th>
              <th scope="col">{t('effort.buurt')}</th>
              <th scope="col">{t('effort.rounds')}</th>
              <th scope="col">{t('effort.hours')}</th>
              <th scope="col">{t('effort.paired')}</th>
              <th scope="col">{t('effort.coverage')}</th>
              <th scope="col">{t('effort.observations')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.teamId}/${row.buurtId}`}>
                <td>{teamName(row.teamId)}</td>
                <td>{buurtName(t, config, row.buurtId)}</td>
                <td>{row.rounds}</td>
                <td>{hours.format(row.hours)}</td>
                <td>{percentText(percent(row.paired, row.rounds))}</td>
                <td>{percentText(percent(row.covered, row.slots))}</td>
                <td>{row.safety + row.publicSpace}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('effort.byType')}</h3>
      <ul class="type-totals">
        {typeTotals(rows).map(([type, count]) => (
          <li key={type}>
            {observationTypeLabel(t, type)}: <strong>{count}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}
