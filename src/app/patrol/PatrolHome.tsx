/**
 * `#/ronde`: the volunteer's running round (they go straight to it), or the
 * form to start one, and the team's earlier rounds.
 */
import { useEffect, useState } from 'preact/hooks';
import { MIN_WALKERS, PATROL_MODES, type PatrolMode } from '../../domain/patrol.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { EmergencyLinks } from './EmergencyLinks.tsx';
import { patrolPack } from './pack.ts';
import { patrolHref } from './routes.ts';
import { TrackFields } from './TrackFields.tsx';
import { patrolTeamsOf } from './teams.ts';

export function PatrolHome() {
  const { store, me, principal, config, navigate, announce, lang } = useApp();
  const t = useT(patrolPack);
  const teams = patrolTeamsOf(principal, config.teams);
  const data = useLive(async (s) => ({ running: await s.patrol.runningRound(me.userId), rounds: await s.patrol.listRounds({ all: true }) }), [me.userId]);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const team = teams.find((candidate) => candidate.id === teamId) ?? teams[0];
  const [walkers, setWalkers] = useState<string[]>([me.userId]);
  const [mode, setMode] = useState<PatrolMode>('onFoot');
  const [checkedIn, setCheckedIn] = useState(false);
  const [trackOptIn, setTrackOptIn] = useState(false);
  const [shareTrack, setShareTrack] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (data?.running) navigate({ name: 'patrol', path: `/ronde/${data.running.id}` }, { replace: true });
  }, [data?.running?.id]);

  if (teams.length === 0 || !team) {
    return (
      <>
        <ScreenTitle>{t('patrolRound.title')}</ScreenTitle>
        <p>{t('patrolRound.noTeam')}</p>
      </>
    );
  }
  const members = [me.userId, ...team.memberIds.filter((id) => id !== me.userId)];
  const toggle = (id: string) => setWalkers((current) => (current.includes(id) ? current.filter((w) => w !== id) : [...current, id]));
  const start = async (event: Event) => {
    event.preventDefault();
    if (team.buurtIds.length === 0) {
      setError(t('patrolStart.noBuurt'));
      return;
    }
    const id = await store.patrol.startRound(
      {
        teamId: team.id,
        buurtIds: team.buurtIds,
        walkers,
        mode,
        checkedInWithPolice: checkedIn,
        trackOptIn,
        shareTrackWithPolice: trackOptIn && shareTrack,
      },
      me.userId,
    );
    announce(t('patrolRound.running'));
    navigate({ name: 'patrol', path: `/ronde/${id}` });
  };

  return (
    <>
      <ScreenTitle>{t('patrolStart.title')}</ScreenTitle>
      <EmergencyLinks />
      <form class="form patrol-start" onSubmit={start}>
        {teams.length > 1 && (
          <label class="field">
            <span>{t('patrolStart.team')}</span>
            <select value={team.id} onChange={(event) => setTeamId((event.target as HTMLSelectElement).value)}>
              {teams.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <fieldset class="fieldset">
          <legend>{t('patrolStart.walkers')}</legend>
          <div class="checks">
            {members.map((id, index) => (
              <label key={id} class="check">
                <input type="checkbox" checked={walkers.includes(id)} onChange={() => toggle(id)} />
                <span>{id === me.userId ? t('patrolStart.me', { name: me.displayName }) : t('patrolStart.member', { n: index })}</span>
              </label>
            ))}
          </div>
          {new Set(walkers).size < MIN_WALKERS && (
            <p class="notice patrol-warning" role="status">
              {t('patrolStart.fewWalkers')}
            </p>
          )}
        </fieldset>
        <fieldset class="fieldset">
          <legend>{t('patrolStart.mode')}</legend>
          <div class="checks">
            {PATROL_MODES.map((option) => (
              <label key={option} class="check">
                <input type="radio" name="patrol-mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
                <span>{t(`patrolMode.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label class="check">
          <input type="checkbox" checked={checkedIn} onChange={() => setCheckedIn((value) => !value)} />
          <span>{t('patrolStart.checkedIn')}</span>
        </label>
        <TrackFields optIn={trackOptIn} share={shareTrack} onOptIn={setTrackOptIn} onShare={setShareTrack} />
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button-primary button-large button-block patrol-target" disabled={walkers.length === 0}>
          {t('patrolStart.submit')}
        </button>
      </form>

      <section aria-labelledby="patrol-history" class="patrol-section">
        <h2 id="patrol-history">{t('patrolRound.history')}</h2>
        {!data || data.rounds.length === 0 ? (
          <p class="empty-state">{t('patrolRound.historyNone')}</p>
        ) : (
          <ul class="patrol-rounds">
            {data.rounds.map((round) => (
              <li key={round.id}>
                <a href={patrolHref({ name: 'round', id: round.id })}>
                  {formatDate(lang, localDate(round.startedAt))} · {t(`patrolMode.${round.mode}`)} ·{' '}
                  {t('patrolRound.observationsCount', { count: round.observationCount })}
                  {round.closedBy === 'app' && <strong> · {t('patrolRound.closedByApp')}</strong>}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
