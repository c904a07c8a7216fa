/**
 * The route on the round screen: the choice (TrackFields, written at once)
 * and, while it runs with the route on, the recording itself and how many
 * points are stored. Turning the route off stops recording and clears the
 * stored track (the store does both in one write). After the end the
 * section shows only for a recorded route: the team may still erase it, or
 * share it with the wijkagent or stop sharing.
 */
import type { PatrolRoundView } from '../../store/patrol-store.ts';
import { decodeTrack } from '../../domain/patrol-track.ts';
import { isRoundRunning } from '../../domain/patrol.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { patrolPack } from './pack.ts';
import { TrackFields } from './TrackFields.tsx';
import { useTrackRecording } from './use-track-recording.ts';

export function RoundTrack({ round }: { round: PatrolRoundView }) {
  const { store, announce } = useApp();
  const t = useT(patrolPack);
  const isRunning = isRoundRunning(round);
  useTrackRecording(round.id, isRunning && round.trackOptIn, round.track);
  const count = round.track ? decodeTrack(round.track).length : 0;
  // After the end only a recorded route is a choice left: erase it, or share it or not.
  if (!isRunning && !round.trackOptIn) return null;
  const setOptIn = async (on: boolean) => {
    await store.patrol.setTrackChoice(round.id, { trackOptIn: on });
    if (!on && round.track !== null) announce(t('patrolTrack.cleared'));
  };
  return (
    <section class="patrol-section" aria-label={t('patrolTrack.legend')}>
      <TrackFields
        optIn={round.trackOptIn}
        share={round.shareTrackWithPolice}
        onOptIn={(on) => void setOptIn(on)}
        onShare={(on) => void store.patrol.setTrackChoice(round.id, { shareTrackWithPolice: on })}
        isRunning={isRunning}
      />
      {round.trackOptIn && (
        <p class="patrol-track-status" role="status">
          {t('patrolTrack.points', { count })}
          {round.shareTrackWithPolice && <> · {t('patrolTrack.shared')}</>}
        </p>
      )}
    </section>
  );
}
