import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive, useNow } from '../hooks.ts';
import { buurtName } from '../i18n/labels.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { downloadFile } from '../ui/download.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { EffortTable } from './EffortTable.tsx';
import { patrolOutcomeLabel } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { rosterPack } from './pack.ts';
import { effortCsv } from './roster-csv.ts';
import { monthOf, roundHours } from './roster-logic.ts';
import { rosterHref } from './routes.ts';
import { useEffort } from './use-effort.ts';
import '../report/report.css';
import './roster.css';

const MONTHS_BACK = 12;
/** The understaffed slots listed; the heading counts them all. */
const UNDERSTAFFED_SHOWN = 8;

/** `#/inzet`: effort per team and buurt in a month, the month's rounds, the exports; for the coordinator also the slots short of walkers. */
export function EffortScreen() {
  const { config, lang, principal, platform } = useApp();
  const t = useT(rosterPack, patrolPack);
  const now = useNow(60_000);
  const [month, setMonth] = useState(() => monthOf(now));
  const effort = useEffort(month);
  const understaffed = useLive((store) => (principal.role === 'coordinator' ? store.roster.understaffed({}, now) : Promise.resolve([])), [principal.role, now]);
  const monthName = (value: string) => new Intl.DateTimeFormat(LOCALES[lang], { month: 'long', year: 'numeric' }).format(new Date(`${value}-15T12:00:00`));
  const teamName = (id: string) => config.teams.find((team) => team.id === id)?.name ?? id;
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit' });
  const hours = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });

  return (
    <>
      <ScreenTitle>{t('effort.title')}</ScreenTitle>
      <div class="field">
        <label for="effort-month">{t('effort.month')}</label>
        <select id="effort-month" value={month} onChange={(e) => setMonth(e.currentTarget.value)}>
          {Array.from({ length: MONTHS_BACK }, (_, back) => monthOf(now, back)).map((value) => (
            <option key={value} value={value}>
              {monthName(value)}
            </option>
          ))}
        </select>
      </div>
      {effort === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : (
        <>
          <EffortTable rows={effort.rows} />
          <div class="report-toolbar">
            <a class="button" href={rosterHref({ name: 'month', month })}>
              {t('effort.print')}
            </a>
            <button
              type="button"
              class="button"
              onClick={() =>
                downloadFile(
                  platform.document,
                  effortCsv(effort.rows, t, teamName, (id) => buurtName(t, config, id)),
                  `buurtpreventie-${month}.csv`,
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('effort.csv')}
            </button>
          </div>
          <section aria-labelledby="effort-rounds">
            <h2 id="effort-rounds">{t('effort.roundList')}</h2>
            {effort.rounds.length === 0 ? (
              <p class="muted">{t('effort.noRounds')}</p>
            ) : (
              <ul class="slot-list">
                {effort.rounds.map((round) => (
                  <li key={round.id} class="slot-card">
                    <a href={rosterHref({ name: 'round', id: round.id })}>
                      {formatDate(lang, localDate(round.startedAt))} · {time.format(round.startedAt)}
                      {round.endedAt !== null && `–${time.format(round.endedAt)}`}
                    </a>
                    <p class="slot-line muted">
                      {teamName(round.teamId)} · {t('roundReport.walkers', { count: round.walkers.length })}
                      {round.outcome && ` · ${patrolOutcomeLabel(t, round.outcome)}`}
                      {roundHours(round) > 0 && ` · ${t('rosterHours', { hours: hours.format(roundHours(round)) })}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {understaffed && understaffed.length > 0 && (
        <section aria-labelledby="effort-understaffed">
          <h2 id="effort-understaffed">
            {t('effort.understaffed')} ({understaffed.length})
          </h2>
          <ul class="slot-list">
            {understaffed.slice(0, UNDERSTAFFED_SHOWN).map((slot) => (
              <li key={slot.id} class="slot-card slot-flagged">
                {teamName(slot.teamId)} · {formatDate(lang, slot.date)} {slot.start} · {t('roster.flag', { count: slot.walkers.length })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
