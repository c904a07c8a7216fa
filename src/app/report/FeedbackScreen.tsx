import '../ui/ui.css';
import './report.css';
import { useApp } from '../context.ts';
import { formatDateLong, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { findingLabel } from '../schouw/labels.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from '../schouw/pack.ts';
import { reportPack, type ReportT } from './pack.ts';
import { schouwHref } from '../schouw/routes.ts';
import { RoundPending } from './RoundPending.tsx';
import { DetailItem } from '../ui/DetailItem.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import type { FindingHistoryEntry, FindingView } from '../../store/schouw-store.ts';
import { FindingThumb } from './FindingPhoto.tsx';
import { feedbackGroups, findingNumbers, latestNote, type FeedbackGroup } from './report-data.ts';
import { counted, partnerName, whatText, whereText } from './words.ts';

type WithHistory = { readonly finding: FindingView; readonly history: readonly FindingHistoryEntry[] };

/**
 * `#/schouw/:id/terugkoppeling`: what came of each finding, for the
 * residents who walked the round — in plain words, grouped as opgelost, mee
 * bezig, nog open and wordt niet opgepakt (with the reason when one was
 * given). Printable like the report. Who changed a status is never shown:
 * residents read what happened, not who typed it.
 */
export function FeedbackScreen({ activityId }: { activityId: string }) {
  const { lang, config, now, platform } = useApp();
  const t = useT(reportPack, findingsPack);
  const data = useLive(
    async (store) => {
      const activity = await store.activities.get(activityId);
      if (!activity || activity.deleted) return { activity: null } as const;
      const findings = await store.schouw.listFindings({ schouwId: activityId });
      const histories = await store.schouw.getFindingHistories(findings.map((finding) => finding.id));
      return { activity, items: findings.map((finding): WithHistory => ({ finding, history: histories[finding.id] ?? [] })) } as const;
    },
    [activityId],
  );

  if (data === undefined || data.activity === null) return <RoundPending isLoading={data === undefined} />;
  const { activity, items } = data;
  const numbers = findingNumbers(items.map((item) => item.finding));
  const groups = feedbackGroups(items.map((item) => ({ ...item, status: item.finding.status })));

  return (
    <article class="print-page feedback">
      <ScreenTitle>{t('feedback.title')}</ScreenTitle>
      <p class="lead">
        {t('feedback.lead', {
          date: formatDateLong(lang, activity.date, localDate(now())),
          buurt: buurtName(t, config, activity.buurtId),
          title: activity.title,
        })}
      </p>
      <p>{t('feedback.intro')}</p>
      <div class="report-toolbar no-print" role="group" aria-label={t('report.actions')}>
        <button type="button" class="button button-primary" onClick={() => platform.document.defaultView?.print()}>
          {t('report.print')}
        </button>
        <a href={schouwHref({ name: 'report', activityId })}>{t('report.toReport')}</a>
        <a href={schouwHref({ name: 'round', activityId })}>{t('report.backToRound')}</a>
      </div>
      {items.length === 0 && <p>{t('feedback.none')}</p>}
      {items.length > 0 &&
        groups.map(({ group, findings }) => (
          <section key={group} class="report-section" aria-labelledby={`feedback-${group}`} data-testid={`feedback-${group}`}>
            <h2 id={`feedback-${group}`}>
              {t(`feedback.group.${group}`)} <span class="muted">({counted(t, 'report.findingCount', findings.length)})</span>
            </h2>
            {findings.length === 0 ? (
              <p class="muted">{t('feedback.groupEmpty')}</p>
            ) : (
              <ul class="feedback-list">
                {findings.map(({ finding, history }) => (
                  <FeedbackItem key={finding.id} t={t} group={group} finding={finding} history={history} nr={numbers.get(finding.id) ?? 0} />
                ))}
              </ul>
            )}
          </section>
        ))}
      <p class="muted report-footer">{t('report.generated', { date: formatDateLong(lang, localDate(now()), localDate(now())) })}</p>
    </article>
  );
}

function FeedbackItem({ t, group, finding, history, nr }: WithHistory & { t: ReportT; group: FeedbackGroup; nr: number }) {
  const { lang, config, now } = useApp();
  const what = whatText(t, finding);
  const reason = group === 'wontFix' ? latestNote(history, 'wontFix') : null;
  const latest = latestNote(history);
  const last = history.at(-1);
  return (
    <li class="feedback-item">
      <FindingThumb photos={finding.photos} thumbnails={finding.thumbnails} alt={t('report.photoAlt', { n: 1, nr, what })} />
      <div class="feedback-body">
        <h3 class="feedback-what">
          {t('report.findingNo', { nr })}: {what}
        </h3>
        <dl class="report-finding-facts">
          <DetailItem term={t('feedback.where')} class="report-fact">
            {whereText(t, lang, finding)}
          </DetailItem>
          {finding.note && (
            <DetailItem term={t('report.note')} class="report-fact" valueClass="report-note">
              {finding.note}
            </DetailItem>
          )}
          <DetailItem term={t('feedback.done')} class="report-fact">
            {findingLabel(t, 'findingStatus', finding.status)}
            {finding.action && finding.action !== 'none' && <> · {findingLabel(t, 'action', finding.action)}</>}
          </DetailItem>
          {finding.responsiblePartnerId && (
            <DetailItem term={t('feedback.who')} class="report-fact">
              {partnerName(config, finding.responsiblePartnerId)}
            </DetailItem>
          )}
          {group === 'wontFix' && (
            <DetailItem term={t('feedback.reason')} class="report-fact" valueClass="report-note">
              {reason ?? t('feedback.noReason')}
            </DetailItem>
          )}
          {latest && latest !== reason && (
            <DetailItem term={t('feedback.latest')} class="report-fact" valueClass="report-note">
              {latest}
            </DetailItem>
          )}
        </dl>
        {last && <p class="muted">{t('feedback.updated', { date: formatDateLong(lang, localDate(last.at), localDate(now())) })}</p>}
      </div>
    </li>
  );
}
