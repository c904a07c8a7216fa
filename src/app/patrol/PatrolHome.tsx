/**
 * `#/ronde`: the volunteer's running round (they go straight to it), or the
 * form to start one ad hoc, and the team's earlier rounds.
 * `#/ronde/dienst/<slotId>`: the same form filled in from a roster slot (its
 * team, area and signed-up walkers); a slot that already has a round points
 * to it instead.
 */
import { useEffect } from 'preact/hooks';
import type { SlotView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { EmergencyLinks } from './EmergencyLinks.tsx';
import { patrolModeLabel } from './labels.ts';
import { patrolPack } from './pack.ts';
import { patrolHref } from './routes.ts';
import { StartForm } from './StartForm.tsx';
import { patrolTeamsOf } from './teams.ts';

export function PatrolHome({ slotId }: { slotId?: string }) {
  const { me, principal, config, navigate, lang } = useApp();
  const t = useT(patrolPack);
  const teams = patrolTeamsOf(principal, config.teams);
  const data = useLive(
    async (s) => ({
      running: await s.patrol.runningRound(me.userId),
      rounds: slotId === undefined ? await s.patrol.listRounds({ all: true }) : [],
      slot: slotId === undefined ? null : await s.roster.getSlot(slotId),
    }),
    [me.userId, slotId],
  );

  useEffect(() => {
    if (data?.running) navigate({ name: 'patrol', path: `/ronde/${data.running.id}` }, { replace: true });
  }, [data?.running?.id]);

  if (teams.length === 0) {
    return (
      <>
        <ScreenTitle>{t('patrolRound.title')}</ScreenTitle>
        <p>{t('patrolRound.noTeam')}</p>
      </>
    );
  }
  if (slotId !== undefined) {
    return (
      <>
        <ScreenTitle>{t('patrolStart.title')}</ScreenTitle>
        <EmergencyLinks />
        {data === undefined ? <p class="muted">{t('patrolRound.loading')}</p> : <FromSlot slot={data.slot} />}
      </>
    );
  }

  return (
    <>
      <ScreenTitle>{t('patrolStart.title')}</ScreenTitle>
      <EmergencyLinks />
      <StartForm teams={teams} />

      <section aria-labelledby="patrol-history" class="patrol-section">
        <h2 id="patrol-history">{t('patrolRound.history')}</h2>
        {!data || data.rounds.length === 0 ? (
          <p class="empty-state">{t('patrolRound.historyNone')}</p>
        ) : (
          <ul class="patrol-rounds">
            {data.rounds.map((round) => (
              <li key={round.id}>
                <a href={patrolHref({ name: 'round', id: round.id })}>
                  {formatDate(lang, localDate(round.startedAt))} · {patrolModeLabel(t, round.mode)} ·{' '}
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

/** The start form for a slot of one of the person's teams, or why there is none (not here, another team's, a round already started from it). */
function FromSlot({ slot }: { slot: SlotView | null }) {
  const { principal, config } = useApp();
  const t = useT(patrolPack);
  const team = slot ? patrolTeamsOf(principal, config.teams).find((candidate) => candidate.id === slot.teamId) : undefined;
  const problem = !slot ? t('patrolStart.slotMissing') : !team ? t('patrolStart.otherTeam') : null;
  if (problem !== null || !slot || !team) {
    return (
      <>
        <p class="notice" role="status">
          {problem}
        </p>
        <a class="button button-block" href={patrolHref({ name: 'home' })}>
          {t('patrolStart.adHoc')}
        </a>
      </>
    );
  }
  if (slot.round) {
    return (
      <>
        <p class="notice" role="status">
          {slot.round.running ? t('patrolStart.slotRunning') : t('patrolStart.slotWalked')}
        </p>
        <a class="button button-primary button-block" href={patrolHref({ name: 'round', id: slot.round.id })} data-testid="slot-round">
          {t('patrolStart.toRound')}
        </a>
      </>
    );
  }
  return <StartForm teams={[team]} slot={slot} />;
}
