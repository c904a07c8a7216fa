/**
 * `#/ronde/<id>`: the round. While it runs: a timer (from its start and the
 * app's clock, re-drawn each second), the phone numbers, the observation
 * buttons, the observations so far, the round's map (route and places),
 * the route choice (recording while it runs), and the end. Afterwards: what happened,
 * with the police's reactions.
 */
import { useEffect, useState } from 'preact/hooks';
import { isRoundRunning } from '../../domain/patrol.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { EmergencyLinks } from './EmergencyLinks.tsx';
import { EndRound } from './EndRound.tsx';
import { ObservationButtons } from './ObservationButtons.tsx';
import { ObservationList } from './ObservationList.tsx';
import { formatClock, formatElapsed } from './format.ts';
import { patrolPack } from './pack.ts';
import { RoundMap } from './RoundMap.tsx';
import { RoundTrack } from './RoundTrack.tsx';
import { patrolHref } from './routes.ts';
import { patrolModeLabel, patrolOutcomeLabel } from './labels.ts';

export function PatrolRoundScreen({ id }: { id: string }) {
  const { lang } = useApp();
  const t = useT(patrolPack);
  const detail = useLive((store) => store.patrol.getRound(id), [id]);

  if (detail === undefined) return <ScreenTitle>{t('patrolRound.loading')}</ScreenTitle>;
  if (detail === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('patrolRound.notFound')}</p>
        <a class="button" href={patrolHref({ name: 'home' })}>
          {t('patrolRound.title')}
        </a>
      </>
    );
  }
  const { round, observations, unsent } = detail;
  const isRunning = isRoundRunning(round);
  return (
    <>
      <ScreenTitle>{isRunning ? t('patrolRound.running') : `${t('patrolRound.title')} ${formatDate(lang, localDate(round.startedAt))}`}</ScreenTitle>
      <p class="patrol-meta">
        {isRunning ? (
          <Timer startedAt={round.startedAt} />
        ) : (
          <span>
            {formatClock(lang, round.startedAt)}
            {round.endedAt !== null ? `–${formatClock(lang, round.endedAt)}` : ''}
          </span>
        )}
        <span aria-hidden="true">·</span>
        <span>{patrolModeLabel(t, round.mode)}</span>
        <SyncBadge state={round.syncState} />
      </p>
      {round.closedBy === 'app' && (
        <p class="notice">
          <strong>{t('patrolRound.closedByApp')}</strong> {t('patrolRound.closedByAppHint')}
        </p>
      )}
      {round.closedBy === 'walkers' && round.outcome !== null && (
        <p class="patrol-outcome">
          <strong>{patrolOutcomeLabel(t, round.outcome)}</strong>
          {round.summary !== '' && <> — {round.summary}</>}
        </p>
      )}
      {isRunning && <EmergencyLinks />}
      {isRunning && <ObservationButtons roundId={id} />}
      <ObservationList roundId={id} observations={observations} />
      <RoundMap track={round.track} observations={observations} />
      <RoundTrack round={round} />
      {isRunning && <EndRound id={id} unsent={unsent} />}
    </>
  );
}

/** Elapsed time, computed from the start and the app's clock; the interval only re-draws. */
function Timer({ startedAt }: { startedAt: number }) {
  const { now } = useApp();
  const t = useT(patrolPack);
  const [, setSecond] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSecond((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span class="patrol-timer" role="timer" aria-live="off">
      {t('patrolRound.elapsed', { time: formatElapsed(now() - startedAt) })}
    </span>
  );
}
