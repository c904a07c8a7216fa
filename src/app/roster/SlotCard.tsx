import { useState } from 'preact/hooks';
import type { Team } from '../../domain/config-records.ts';
import type { SlotView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { walkerName } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { rosterPack } from './pack.ts';
import { endTime } from './roster-logic.ts';
import { SlotRoundLink } from './SlotRoundLink.tsx';

type Props = { slot: SlotView; team: Team | undefined; names: ReadonlyMap<string, string>; mayPlan: boolean; now: number };

/** One slot: when, where, who walks; sign up, sign off, swap; flagged with fewer than two walkers. */
export function SlotCard({ slot, team, names, mayPlan, now }: Props) {
  const { store, me, config, lang, announce } = useApp();
  const t = useT(rosterPack, patrolPack);
  const [isSwapping, setSwapping] = useState(false);
  const [swapTo, setSwapTo] = useState('');
  const isMine = slot.walkers.includes(me.userId);
  const date = formatDate(lang, slot.date);
  const others = (team?.memberIds ?? []).filter((id) => id !== me.userId && !slot.walkers.includes(id));
  const titleId = `slot-${slot.id}`;

  const act = async (run: () => Promise<void>, message: string) => {
    await run();
    announce(message);
  };

  return (
    <li class={`slot-card${slot.needsWalkers ? ' slot-flagged' : ''}`} aria-labelledby={titleId} data-testid="slot">
      <h3 id={titleId} class="slot-when">
        {date} · {t('roster.time', { start: slot.start, end: endTime(slot.start, slot.durationMinutes), minutes: slot.durationMinutes })}
      </h3>
      {slot.meetingPoint && <p class="slot-line">{t('roster.meetingPoint', { place: slot.meetingPoint })}</p>}
      {slot.buurtIds.length > 0 && <p class="slot-line">{t('roster.area', { buurten: slot.buurtIds.map((id) => buurtName(t, config, id)).join(', ') })}</p>}
      <p class="slot-line">
        {t('roster.walkers', { count: slot.walkers.length })}
        {slot.walkers.length > 0 && `: ${slot.walkers.map((id) => walkerName(t, id, me.userId, team, names)).join(', ')}`}
      </p>
      {slot.needsWalkers && (
        <p class="slot-flag" data-testid="slot-flag">
          <span aria-hidden="true">⚠ </span>
          {t('roster.flag', { count: slot.walkers.length })}
        </p>
      )}
      <SyncBadge state={slot.syncState} />
      <div class="slot-actions">
        <SlotRoundLink slot={slot} now={now} />
        {isMine ? (
          <button type="button" class="button" onClick={() => void act(() => store.roster.signOff(slot.id, me.userId), t('roster.signedOff', { date }))}>
            {t('roster.signOff')}
          </button>
        ) : (
          <button
            type="button"
            class="button button-primary"
            onClick={() => void act(() => store.roster.signUp(slot.id, me.userId, me.displayName), t('roster.signedUp', { date }))}
          >
            {t('roster.signUp')}
          </button>
        )}
        {isMine && others.length > 0 && (
          <button type="button" class="button" aria-expanded={isSwapping} onClick={() => setSwapping(!isSwapping)}>
            {t('roster.swap')}
          </button>
        )}
      </div>
      {isSwapping && (
        <form
          class="slot-swap"
          onSubmit={(event) => {
            event.preventDefault();
            if (!swapTo) return;
            setSwapping(false);
            void act(() => store.roster.swap(slot.id, me.userId, swapTo, names.get(swapTo)), t('roster.swapped', { date }));
          }}
        >
          <div class="field">
            <label for={`swap-${slot.id}`}>{t('roster.swapWith')}</label>
            <select id={`swap-${slot.id}`} value={swapTo} onChange={(e) => setSwapTo(e.currentTarget.value)} required>
              <option value="" />
              {others.map((id) => (
                <option key={id} value={id}>
                  {walkerName(t, id, me.userId, team, names)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button-primary">
            {t('roster.swapConfirm')}
          </button>
        </form>
      )}
      {mayPlan && (
        <ConfirmButton
          variant="in-list"
          label={t('roster.delete')}
          questionId={`delete-${slot.id}`}
          question={t('roster.deleteQuestion')}
          yes={t('roster.deleteYes')}
          no={t('roster.deleteNo')}
          focus="no"
          onConfirm={() => act(() => store.roster.deleteSlot(slot.id), t('roster.deleted'))}
        />
      )}
    </li>
  );
}
