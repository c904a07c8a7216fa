import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLive, useNow } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { rosterPack } from './pack.ts';
import { endTime } from './roster-logic.ts';
import { rosterHref } from './routes.ts';
import { SlotRoundLink } from './SlotRoundLink.tsx';
import './roster.css';

/**
 * The volunteer's next slot, at the top of the home screen (the activity
 * list loads this lazily, only for members of a buurtpreventie team).
 * Nothing when no slot is planned for them.
 */
export function NextSlotCard() {
  const { me, lang } = useApp();
  const t = useT(rosterPack);
  const now = useNow(60_000);
  const slot = useLive((store) => store.roster.nextSlot(me.userId, now), [me.userId, now]);
  if (!slot) return null;
  return (
    <section class="card next-slot" aria-labelledby="next-slot-title" data-testid="next-slot">
      <h2 id="next-slot-title">{t('nextSlot.title')}</h2>
      <p class="next-slot-when">
        {t('nextSlot.when', { date: formatDate(lang, slot.date), start: slot.start, end: endTime(slot.start, slot.durationMinutes) })}
      </p>
      {slot.meetingPoint && <p class="slot-line">{t('nextSlot.where', { place: slot.meetingPoint })}</p>}
      {slot.needsWalkers && (
        <p class="slot-flag">
          <span aria-hidden="true">⚠ </span>
          {t('nextSlot.alone')}
        </p>
      )}
      {/* One button in one place: to the roster, or, from half an hour before the slot, its round. */}
      <SlotRoundLink
        slot={slot}
        now={now}
        block
        fallback={
          <a class="button button-block" href={rosterHref({ name: 'roster' })}>
            {t('nextSlot.open')}
          </a>
        }
      />
    </section>
  );
}
