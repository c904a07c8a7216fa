import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './list.css';
import { mayCreateActivity } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useT } from '../i18n/use-t.ts';
import { formatDate, formatTimeRange, localDate } from '../format.ts';
import { useLive, useNow } from '../hooks.ts';
import { activityTypeLabel, buurtName, statusLabel, visible } from '../i18n/labels.ts';
import { plural } from '../i18n/translate.ts';
import { hrefOf, type Route } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ShowMore, usePaging } from '../ui/ShowMore.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { selectActivities } from './list-logic.ts';

type ListRoute = Extract<Route, { name: 'list' }>;

/**
 * The start screen. It reads one page of activities by index (with the
 * count of all), not every activity: opening it costs the same with 500
 * activities or 50,000 (`npm run bench`, list open times). "Meer tonen"
 * shows the next page (ui/ShowMore.tsx says why paged, not windowed).
 */
export function ActivityList({ route }: { route: ListRoute }) {
  const { lang, config, navigate, principal } = useApp();
  const t = useT();
  const today = localDate(useNow(60_000));
  const filters = `${route.when} ${route.buurt ?? ''} ${today}`;
  const paging = usePaging(filters);
  const current = useLive(
    (store) => store.activities.page({ when: route.when, today, buurtId: route.buurt, limit: paging.limit }),
    [route.when, route.buurt, today, paging.limit],
    { keep: true },
  );
  const shown = current ? selectActivities(current.rows, { today, when: route.when, buurt: route.buurt }) : [];
  const buurten = visible(config.buurten);

  return (
    <>
      <ScreenTitle>{t('list.title')}</ScreenTitle>
      {config.teams.some((team) => team.kind === 'buurtpreventie' && principal.teamIds.includes(team.id)) && <NextSlot />}
      {mayCreateActivity(principal, config) && (
        <a class="button button-primary button-block button-large" href={hrefOf({ name: 'new' })}>
          <span aria-hidden="true">+ </span>
          {t('list.new')}
        </a>
      )}

      <div class="list-filters">
        <div class="field">
          <label for="filter-buurt">{t('list.filterBuurt')}</label>
          <select id="filter-buurt" value={route.buurt ?? ''} onChange={(e) => navigate({ ...route, buurt: e.currentTarget.value || null }, { replace: true })}>
            <option value="">{t('list.allBuurten')}</option>
            {buurten.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <nav class="segmented" aria-label={t('list.when')}>
          {(['upcoming', 'past'] as const).map((when) => (
            <a key={when} class="segment" href={hrefOf({ ...route, when })} aria-current={route.when === when ? 'page' : undefined}>
              {t(when === 'upcoming' ? 'list.upcoming' : 'list.past')}
            </a>
          ))}
        </nav>
      </div>

      {current === undefined ? (
        <p class="muted">{t('app.loading')}</p>
      ) : shown.length === 0 ? (
        <div class="empty-state">
          <p>{route.buurt ? t('list.emptyFiltered') : t(route.when === 'upcoming' ? 'list.emptyUpcoming' : 'list.emptyPast')}</p>
          {!route.buurt && mayCreateActivity(principal, config) && <p class="muted">{t('list.emptyHint')}</p>}
        </div>
      ) : (
        <>
          <p class="muted list-count">{plural(t, 'list.count', current.total)}</p>
          <ul class="activity-list" ref={paging.listRef}>
            {shown.map((a) => (
              <li key={a.id}>
                <a class="activity-card" href={hrefOf({ name: 'detail', id: a.id })}>
                  <span class="activity-card-title">{a.title}</span>
                  <span class="activity-card-meta">
                    {formatDate(lang, a.date)}, {formatTimeRange(a.start, a.end)}
                  </span>
                  <span class="activity-card-meta">
                    {buurtName(t, config, a.buurtId)} · {activityTypeLabel(t, config, a.type)} · {statusLabel(t, a.status)}
                  </span>
                  <span class="activity-card-footer">
                    {a.turnedUp > 0 && <span class="activity-card-count">{t('list.turnedUp', { count: a.turnedUp })}</span>}
                    <SyncBadge state={a.syncState} />
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <ShowMore paging={paging} shown={shown.length} total={current.total} />
        </>
      )}
    </>
  );
}

/** A member's next patrol slot (the roster feature's card), loaded after the list: the first download stays small. */
function NextSlot() {
  const [Card, setCard] = useState<ComponentType | null>(null);
  useEffect(() => {
    import('../roster/NextSlotCard.tsx').then(
      (m) => setCard(() => m.NextSlotCard),
      () => {},
    );
  }, []);
  return Card ? <Card /> : null;
}
