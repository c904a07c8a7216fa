import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { rosterPack } from './pack.ts';
import { patrolTeams } from './people.ts';
import { rosterHref } from './routes.ts';
import './roster.css';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** `#/rooster/patroon`: the coordinator repeats a weekly pattern up to three months ahead. */
export function PatternForm() {
  const { config, principal, store, me, announce, navigate } = useApp();
  const t = useT(rosterPack);
  const teams = patrolTeams(config.teams, principal);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const team = teams.find((item) => item.id === teamId);
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [start, setStart] = useState('20:00');
  const [duration, setDuration] = useState('90');
  const [meetingPoint, setMeetingPoint] = useState('');
  const [buurtIds, setBuurtIds] = useState<string[] | null>(null);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState('');
  const area = buurtIds ?? team?.buurtIds ?? [];

  const toggle = <V,>(list: readonly V[], value: V): V[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!team) return;
    if (weekdays.length === 0) {
      setProblem(t('rosterPattern.noWeekday'));
      return;
    }
    try {
      const ids = await store.roster.repeatWeekly(
        {
          teamId: team.id,
          weekdays,
          start,
          durationMinutes: Number(duration),
          meetingPoint,
          buurtIds: area,
          ...(from ? { from } : {}),
          ...(until ? { until } : {}),
        },
        me.userId,
      );
      announce(
        ids.length === 0 ? t('rosterPattern.none') : ids.length === 1 ? t('rosterPattern.done.one') : t('rosterPattern.done.other', { count: ids.length }),
      );
      navigate({ name: 'roster', path: '/rooster' });
    } catch {
      setProblem(t('rosterPattern.invalid'));
    }
  };

  return (
    <>
      <ScreenTitle>{t('rosterPattern.title')}</ScreenTitle>
      <p class="lead">{t('rosterPattern.intro')}</p>
      {!team ? (
        <p class="empty-state">{t('roster.noTeam')}</p>
      ) : (
        <form class="pattern-form" onSubmit={(event) => void submit(event)} noValidate>
          {problem && (
            <p class="notice" role="alert">
              {problem}
            </p>
          )}
          <div class="field">
            <label for="pattern-team">{t('roster.team')}</label>
            <select
              id="pattern-team"
              value={team.id}
              onChange={(e) => {
                setTeamId(e.currentTarget.value);
                setBuurtIds(null);
              }}
            >
              {teams.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="field">
            <legend>{t('rosterPattern.weekdays')}</legend>
            <div class="check-grid">
              {WEEKDAYS.map((day) => (
                <label key={day} class="check">
                  <input type="checkbox" checked={weekdays.includes(day)} onChange={() => setWeekdays(toggle(weekdays, day).sort())} />
                  {t(`rosterWeekday.${day}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="pattern-start">{t('rosterPattern.start')}</label>
            <input id="pattern-start" type="time" value={start} required onInput={(e) => setStart(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pattern-duration">{t('rosterPattern.duration')}</label>
            <input
              id="pattern-duration"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              value={duration}
              required
              onInput={(e) => setDuration(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="pattern-meeting">{t('rosterPattern.meetingPoint')}</label>
            <input id="pattern-meeting" type="text" maxLength={200} value={meetingPoint} onInput={(e) => setMeetingPoint(e.currentTarget.value)} />
          </div>
          {team.buurtIds.length > 0 && (
            <fieldset class="field">
              <legend>{t('rosterPattern.area')}</legend>
              <div class="check-grid">
                {team.buurtIds.map((id) => (
                  <label key={id} class="check">
                    <input type="checkbox" checked={area.includes(id)} onChange={() => setBuurtIds(toggle(area, id))} />
                    {buurtName(t, config, id)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <div class="field">
            <label for="pattern-from">{t('rosterPattern.from')}</label>
            <input id="pattern-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="pattern-until">{t('rosterPattern.until')}</label>
            <input id="pattern-until" type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button-primary button-block button-large">
            {t('rosterPattern.submit')}
          </button>
          <a class="button button-block" href={rosterHref({ name: 'roster' })}>
            {t('roster.title')}
          </a>
        </form>
      )}
    </>
  );
}
