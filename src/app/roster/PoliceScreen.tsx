import { useState } from 'preact/hooks';
import { OBSERVATION_ACTIONS, SAFETY_OBSERVATION_TYPES, type ReactionState } from '../../domain/patrol-observation.ts';
import { rosterDate } from '../../domain/patrol-roster.ts';
import type { SafetyObservationView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { formatClock, formatDate, localDate } from '../format.ts';
import { useLive, useNow } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { observationActionLabel, observationTypeLabel } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { RoundMap } from '../patrol/RoundMap.tsx';
import { ObservationItem } from './ObservationItem.tsx';
import { rosterPack } from './pack.ts';
import { addDays, isoWeek } from './roster-logic.ts';
import './roster.css';

/** Local midnight of a calendar date, in Unix ms. */
function startOf(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/**
 * `#/wijkagent`: the safety observations of the officer's buurten, one week
 * at a time, filtered by type and action; a short reaction and seen /
 * handled, which the team sees on the observation.
 */
export function PoliceScreen() {
  const { principal, lang } = useApp();
  const t = useT(rosterPack, patrolPack);
  const now = useNow(60_000);
  const [weeksBack, setWeeksBack] = useState(0);
  const [type, setType] = useState('');
  const [action, setAction] = useState('');
  const monday = addDays(isoWeek(rosterDate(now)).monday, -7 * weeksBack);
  const sunday = addDays(monday, 6);
  const buurtIds = principal.role === 'coordinator' ? undefined : principal.buurtIds;
  const week = { ...(buurtIds ? { buurtIds } : {}), from: startOf(monday), until: startOf(addDays(monday, 7)) };
  const observations = useLive((store) => store.roster.listSafetyObservations(week), [buurtIds?.join(','), monday]);
  const shown = (observations ?? []).filter((o) => (!type || o.type === type) && (!action || o.action === action));
  // The server sends a round's route to the police only when the team chose to share it.
  const rounds = useLive((store) => store.roster.listRounds(week), [buurtIds?.join(','), monday]);
  const shared = (rounds ?? []).filter((round) => round.track !== null && round.track !== '');

  return (
    <>
      <ScreenTitle>{t('police.title')}</ScreenTitle>
      <p class="lead">{t('police.intro')}</p>
      <div class="roster-paging">
        <button type="button" class="button" onClick={() => setWeeksBack(weeksBack + 1)}>
          {t('police.prev')}
        </button>
        <button type="button" class="button" disabled={weeksBack === 0} onClick={() => setWeeksBack(weeksBack - 1)}>
          {t('police.next')}
        </button>
      </div>
      <h2 class="police-week">{t('police.week', { from: formatDate(lang, monday), to: formatDate(lang, sunday) })}</h2>
      <div class="list-filters">
        <div class="field">
          <label for="police-type">{t('police.filterType')}</label>
          <select id="police-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            <option value="">{t('police.all')}</option>
            {SAFETY_OBSERVATION_TYPES.map((item) => (
              <option key={item} value={item}>
                {observationTypeLabel(t, item)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="police-action">{t('police.filterAction')}</label>
          <select id="police-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
            <option value="">{t('police.all')}</option>
            {OBSERVATION_ACTIONS.map((item) => (
              <option key={item} value={item}>
                {observationActionLabel(t, item)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {observations === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <p class="empty-state">{t('police.empty')}</p>
      ) : (
        <ul class="observation-list">
          {shown.map((observation) => (
            <ObservationItem key={observation.id} observation={observation}>
              {principal.role === 'police' && <ReactionForm observation={observation} />}
            </ObservationItem>
          ))}
        </ul>
      )}
      {shared.length > 0 && (
        <section aria-labelledby="police-routes" class="police-routes">
          <h2 id="police-routes">{t('police.sharedRoutes')}</h2>
          <p class="field-hint">{t('police.sharedRoutesHint')}</p>
          {shared.map((round) => (
            <RoundMap
              key={round.id}
              track={round.track}
              observations={(observations ?? []).filter((o) => o.roundId === round.id)}
              heading={{
                id: `police-route-${round.id}`,
                text: t('police.sharedRoute', {
                  date: formatDate(lang, localDate(round.startedAt)),
                  from: formatClock(lang, round.startedAt),
                  to: round.endedAt === null ? '…' : formatClock(lang, round.endedAt),
                }),
              }}
            />
          ))}
        </section>
      )}
    </>
  );
}

function ReactionForm({ observation }: { observation: SafetyObservationView }) {
  const { store, me, announce } = useApp();
  const t = useT(rosterPack, patrolPack);
  const [text, setText] = useState(observation.reaction?.text ?? '');
  const save = async (state: ReactionState) => {
    await store.roster.react(observation.id, { text: text.trim(), state, by: me.userId });
    announce(t('police.saved'));
  };
  const fieldId = `reaction-${observation.id}`;
  return (
    <form class="reaction-form" onSubmit={(event) => event.preventDefault()}>
      <div class="field">
        <label for={fieldId}>{t('police.reaction')}</label>
        <textarea id={fieldId} rows={2} maxLength={1000} value={text} aria-describedby={`${fieldId}-hint`} onInput={(e) => setText(e.currentTarget.value)} />
        <p id={`${fieldId}-hint`} class="field-hint">
          {t('police.reactionHint')}
        </p>
      </div>
      <div class="slot-actions">
        <button type="button" class="button" onClick={() => void save('seen')}>
          {t('police.markSeen')}
        </button>
        <button type="button" class="button button-primary" onClick={() => void save('handled')}>
          {t('police.markHandled')}
        </button>
      </div>
    </form>
  );
}
