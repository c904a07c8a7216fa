/** What the activity list shows, as pure functions (tests/unit/app-activity-list.test.ts). */
import type { ListWhen } from '../router.ts';

type Dated = { readonly date: string; readonly start: string; readonly buurtId: string; readonly deleted?: boolean };

/**
 * Upcoming (today and later) ascending, or past (before today) descending,
 * by date and start time; optionally only one buurt; never tombstones.
 */
export function selectActivities<A extends Dated>(activities: readonly A[], opts: { today: string; when: ListWhen; buurt: string | null }): A[] {
  const isUpcoming = (a: A) => a.date >= opts.today;
  const key = (a: A) => `${a.date} ${a.start}`;
  return activities
    .filter((a) => !a.deleted)
    .filter((a) => (opts.when === 'upcoming' ? isUpcoming(a) : !isUpcoming(a)))
    .filter((a) => opts.buurt === null || a.buurtId === opts.buurt)
    .sort((a, b) => (opts.when === 'upcoming' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
}
