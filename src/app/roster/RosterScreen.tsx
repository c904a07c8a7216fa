import { useState } from 'preact/hooks';
import { rosterDate } from '../../domain/patrol-roster.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLive, useNow } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { FeedbackList } from './FeedbackList.tsx';
import { rosterPack } from './pack.ts';
import { patrolTeams } from './people.ts';
import { addDays, isoWeek, slotsByWeek } from './roster-logic.ts';
import { rosterHref } from './routes.ts';
import { SlotCard } from './SlotCard.tsx';
import { useMemberNames } from './use-member-names.ts';
import './roster.css';

const WEEKS_SHOWN = 4;

/** `#/rooster`: the team's slots by week, four weeks at a time; who walks, sign up / off / swap; slots with fewer than two walkers flagged. */
export function RosterScreen() {
  const { config, principal, lang } = useApp();
  const t = useT(rosterPack);
  const now = useNow(60_000);
  const teams = patrolTeams(config.teams, principal);
  const [teamId, setTeamId] = useState<string>('');
  const [offset, setOffset] = useState(0);
  const names = useMemberNames();
  const chosen = teams.find((team) => team.id === teamId) ?? teams[0];
  const from = addDays(isoWeek(rosterDate(now)).monday, offset * 7 * WEEKS_SHOWN);
  const until = addDays(from, 7 * WEEKS_SHOWN - 1);
  const slots = useLive((store) => (chosen ? store.roster.listSlots({ teamIds: [chosen.id], from, until }) : Promise.resolve([])), [chosen?.id, from, until]);
  const flagged = useLive((store) => (chosen ? store.roster.understaffed({ teamIds: [chosen.id] }, now) : Promise.resolve([])), [chosen?.id, now]);
  const mayPlan = principal.role === 'coordinator';

  return (
    <>
      <ScreenTitle>{t('roster.title')}</ScreenTitle>
      {!chosen ? (
        <p class="empty-state">{t('roster.noTeam')}</p>
      ) : (
        <>
          {teams.length > 1 && (
            <div class="field">
              <label for="roster-team">{t('roster.team')}</label>
              <select id="roster-team" value={chosen.id} onChange={(e) => setTeamId(e.currentTarget.value)}>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {flagged && flagged.length > 0 && (
            <p class="notice slot-summary" data-testid="flag-summary">
              <span aria-hidden="true">⚠ </span>
              {flagged.length === 1 ? t('roster.flagSummary.one') : t('roster.flagSummary.other', { count: flagged.length })}
            </p>
          )}
          {mayPlan && (
            <a class="button button-block" href={rosterHref({ name: 'pattern' })}>
              {t('roster.pattern')}
            </a>
          )}
          {slots === undefined ? (
            <p class="muted">{t('app.loading')}</p>
          ) : slots.length === 0 ? (
            <p class="empty-state">{t('roster.empty')}</p>
          ) : (
            slotsByWeek(slots).map((week) => (
              <section key={week.monday} class="roster-week" aria-labelledby={`week-${week.monday}`}>
                <h2 id={`week-${week.monday}`}>
                  {t('roster.week', { week: week.week })} <span class="muted">{formatDate(lang, week.monday)}</span>
                </h2>
                <ul class="slot-list">
                  {week.slots.map((slot) => (
                    <SlotCard key={slot.id} slot={slot} team={chosen} names={names} mayPlan={mayPlan} now={now} />
                  ))}
                </ul>
              </section>
            ))
          )}
          <div class="roster-paging">
            <button type="button" class="button" disabled={offset === 0} onClick={() => setOffset(offset - 1)}>
              {t('roster.earlier')}
            </button>
            <button type="button" class="button" onClick={() => setOffset(offset + 1)}>
              {t('roster.later')}
            </button>
          </div>
          <FeedbackList teamId={chosen.id} />
          <a class="button button-block" href={rosterHref({ name: 'effort' })}>
            {t('roster.effort')}
          </a>
        </>
      )}
    </>
  );
}
