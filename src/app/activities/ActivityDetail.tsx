import '../ui/ui.css';
import { turnedUp } from '../../domain/attendance.ts';
import { mayCount, mayCreateActivity, mayEditActivity } from '../abilities.ts';
import { useApp } from '../context.ts';
import { formatDate, formatTimeRange } from '../format.ts';
import { useLive } from '../hooks.ts';
import { activityTypeLabel, buurtName, organisationLabel, statusLabel, themeLabel } from '../i18n/labels.ts';
import { LIST, hrefOf } from '../router.ts';
import { schouwHref } from '../schouw/routes.ts';
import { DetailItem } from '../ui/DetailItem.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { SyncBadge } from '../ui/SyncBadge.tsx';
import { useT } from '../i18n/use-t.ts';
import { attendancePack } from '../attendance/pack.ts';
import { activityPack } from './form/pack.ts';

/** `#/activiteit/:id`: what was recorded, where it is, and the two things to do next. */
export function ActivityDetail({ id }: { id: string }) {
  const { lang, config, principal } = useApp();
  const t = useT(activityPack, attendancePack);
  const data = useLive(
    async (store) => {
      const activity = await store.activities.get(id);
      return { activity, attendance: activity ? await store.attendance.get(id) : null };
    },
    [id],
  );
  const activity = data?.activity;

  if (data === undefined) {
    return <ScreenTitle>{t('app.loading')}</ScreenTitle>;
  }
  if (!activity || activity.deleted) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('form.notFound')}</p>
        <a class="button" href={hrefOf(LIST)}>
          {t('app.backToList')}
        </a>
      </>
    );
  }

  const none = t('activity.noValue');
  const orgs = (refs: typeof activity.organisers) => (refs.length > 0 ? refs.map((r) => organisationLabel(config, r)).join(', ') : none);
  const counts = data.attendance?.counts;

  return (
    <>
      <ScreenTitle>{activity.title}</ScreenTitle>
      <p>
        <SyncBadge state={activity.syncState} />
      </p>
      <div class="action-stack">
        {activity.type === 'schouw' && (
          <a class="button button-primary button-large button-block" href={schouwHref({ name: 'round', activityId: id })}>
            {t('detail.openSchouw')}
          </a>
        )}
        {mayCount(principal, activity) && (
          <a class="button button-primary button-large button-block" href={hrefOf({ name: 'attendance', id })}>
            {t('detail.attendance')}
          </a>
        )}
        {mayEditActivity(principal, activity) && (
          <a class="button button-large button-block" href={hrefOf({ name: 'edit', id })}>
            {t('detail.edit')}
          </a>
        )}
        {mayCreateActivity(principal, config) && (
          <a class="button button-large button-block" href={hrefOf({ name: 'repeat', id })}>
            {t('detail.repeat')}
          </a>
        )}
      </div>
      <dl class="details">
        <DetailItem term={t('activity.date')}>{formatDate(lang, activity.date)}</DetailItem>
        <DetailItem term={t('activity.time')}>{formatTimeRange(activity.start, activity.end)}</DetailItem>
        <DetailItem term={t('activity.buurt')}>{buurtName(t, config, activity.buurtId)}</DetailItem>
        <DetailItem term={t('activity.type')}>{activityTypeLabel(t, config, activity.type)}</DetailItem>
        <DetailItem term={t('activity.status')}>{statusLabel(t, activity.status)}</DetailItem>
        <DetailItem term={t('activity.themes')}>
          {activity.themes.length > 0 ? activity.themes.map((th) => themeLabel(config, th)).join(', ') : none}
        </DetailItem>
        <DetailItem term={t('activity.place')}>{activity.place || none}</DetailItem>
        <DetailItem term={t('activity.organisers')}>{orgs(activity.organisers)}</DetailItem>
        <DetailItem term={t('activity.participating')}>{orgs(activity.participatingOrganisations)}</DetailItem>
        {counts && (
          <DetailItem term={t('detail.count')}>
            {t('attendance.turnedUp')}: {turnedUp(counts)} · {t('attendance.registered')}: {counts.registered}
          </DetailItem>
        )}
        {activity.notes && <DetailItem term={t('activity.notes')}>{activity.notes}</DetailItem>}
      </dl>
    </>
  );
}
