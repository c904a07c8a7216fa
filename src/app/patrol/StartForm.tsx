import { useState } from 'preact/hooks';
import type { Team } from '../../domain/config-records.ts';
import { endTime } from '../../domain/patrol-roster.ts';
import { MIN_WALKERS, PATROL_MODES, type PatrolMode } from '../../domain/patrol.ts';
import type { SlotView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { useMemberNames } from '../roster/use-member-names.ts';
import { patrolModeLabel, walkerName } from './labels.ts';
import { patrolPack } from './pack.ts';
import { TrackFields } from './TrackFields.tsx';

/**
 * The round's start: who walks (a warning below two), how, "afgemeld bij de
 * politie". Ad hoc the person picks the team (when they walk with more than
 * one) and the area is the team's; from a slot the team, the area and the
 * walkers signed up come from the slot (and the person holding the phone
 * walks too), and the round remembers its slot. Starting goes straight to the
 * running round.
 */
export function StartForm({ teams, slot }: { teams: readonly Team[]; slot?: SlotView }) {
  const { store, me, config, navigate, announce, lang } = useApp();
  const t = useT(patrolPack);
  const [teamId, setTeamId] = useState(slot?.teamId ?? teams[0]?.id ?? '');
  const team = teams.find((candidate) => candidate.id === teamId) ?? teams[0];
  const [walkers, setWalkers] = useState<string[]>(() => [...new Set([me.userId, ...(slot?.walkers ?? [])])]);
  const [mode, setMode] = useState<PatrolMode>('onFoot');
  const [checkedIn, setCheckedIn] = useState(false);
  const [trackOptIn, setTrackOptIn] = useState(false);
  const [shareTrack, setShareTrack] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const names = useMemberNames();
  if (!team) return null;

  const buurtIds = slot && slot.buurtIds.length > 0 ? slot.buurtIds : team.buurtIds;
  // The slot's walkers stay on the list even when they left the team since.
  const members = [...new Set([me.userId, ...team.memberIds, ...(slot?.walkers ?? [])])];
  const toggle = (id: string) => setWalkers((current) => (current.includes(id) ? current.filter((w) => w !== id) : [...current, id]));
  const start = async (event: Event) => {
    event.preventDefault();
    if (buurtIds.length === 0) {
      setError(t('patrolStart.noBuurt'));
      return;
    }
    const id = await store.patrol.startRound(
      {
        teamId: team.id,
        buurtIds,
        walkers,
        mode,
        checkedInWithPolice: checkedIn,
        trackOptIn,
        shareTrackWithPolice: trackOptIn && shareTrack,
        ...(slot ? { slotId: slot.id } : {}),
      },
      me.userId,
    );
    announce(t('patrolRound.running'));
    navigate({ name: 'patrol', path: `/ronde/${id}` });
  };

  return (
    <form class="form patrol-start" onSubmit={start}>
      {slot ? (
        <div class="patrol-slot" data-testid="start-slot">
          <p class="patrol-slot-when">
            {t('patrolStart.fromSlot', { date: formatDate(lang, slot.date), start: slot.start, end: endTime(slot.start, slot.durationMinutes) })}
          </p>
          <p>
            {team.name} · {t('patrolStart.area', { buurten: buurtIds.map((id) => buurtName(t, config, id)).join(', ') })}
          </p>
          {slot.meetingPoint && <p>{t('patrolStart.meetingPoint', { place: slot.meetingPoint })}</p>}
        </div>
      ) : (
        teams.length > 1 && (
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
        )
      )}
      <fieldset class="fieldset">
        <legend>{t('patrolStart.walkers')}</legend>
        <div class="checks">
          {members.map((id) => (
            <label key={id} class="check">
              <input type="checkbox" checked={walkers.includes(id)} onChange={() => toggle(id)} />
              <span>{id === me.userId ? t('patrolStart.me', { name: me.displayName }) : walkerName(t, id, me.userId, team, names)}</span>
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
              <span>{patrolModeLabel(t, option)}</span>
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
  );
}
