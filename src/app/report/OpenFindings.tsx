import '../ui/ui.css';
import './report.css';
import { useState } from 'preact/hooks';
import { FINDING_STATUSES, isOpenStatus, type FindingStatus } from '../../domain/finding.ts';
import type { ActivityView } from '../../store/activity-store.ts';
import type { FindingView } from '../../store/schouw-store.ts';
import type { UiStore } from '../../store/ui-store.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { findingLabel } from '../schouw/labels.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from '../schouw/pack.ts';
import { reportPack, type ReportT } from './pack.ts';
import { schouwHref } from '../schouw/routes.ts';
import { DetailItem } from '../ui/DetailItem.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ShowMore, usePaging } from '../ui/ShowMore.tsx';
import { FindingThumb } from './FindingPhoto.tsx';
import { PatrolOpenObservations } from '../roster/PatrolOpenObservations.tsx';
import { ANY_OPEN, ageOf, openCount, openFindings, partnersInUse, statusCounts, type OpenFilter, type PartnerFilter } from './report-data.ts';
import { ageText, counted, partnerName, whatText, whereText } from './words.ts';

const OPEN_STATUSES = FINDING_STATUSES.filter(isOpenStatus);

/**
 * The wijkbeheerder's follow-up list: `#/schouw/:id/open` (one round),
 * `#/bevindingen/:buurtId` (a buurt, every round there) and `#/bevindingen`
 * (choose a buurt). Open findings only, the longest waiting first, with
 * filters by responsible partner and status, a page at a time ("Meer tonen",
 * ui/ShowMore.tsx).
 */
export function OpenFindings({ activityId, buurtId }: { activityId: string | null; buurtId: string | null }) {
  if (activityId !== null) return <OpenList scope={{ schouwId: activityId }} />;
  if (buurtId !== null) return <OpenList scope={{ buurtId }} />;
  return <ChooseBuurt />;
}

function ChooseBuurt() {
  const { config, principal } = useApp();
  const t = useT(reportPack, findingsPack);
  // Counted by index per buurt: no finding is read to choose a buurt.
  const counts = useLive(
    async (store) =>
      new Map(await Promise.all(config.buurten.map(async (buurt) => [buurt.id, openCount(await store.schouw.countFindings(buurt.id))] as const))),
    [config.buurten],
  );
  // A hidden buurt still shows while it has open findings: they still need follow-up.
  // A professional works in their own buurten: the list offers only those (none assigned: all).
  const isOwn = (buurtId: string) => principal.role !== 'professional' || principal.buurtIds.length === 0 || principal.buurtIds.includes(buurtId);
  const buurten = config.buurten.filter((buurt) => isOwn(buurt.id) && (!buurt.hidden || (counts?.get(buurt.id) ?? 0) > 0));
  return (
    <>
      <ScreenTitle>{t('openFindings.buurtenTitle')}</ScreenTitle>
      <p>{t('openFindings.buurtenLead')}</p>
      {buurten.length === 0 ? (
        <p>{t('openFindings.buurtenNone')}</p>
      ) : (
        <ul class="buurt-choice">
          {buurten.map((buurt) => (
            <li key={buurt.id}>
              <a class="buurt-choice-link" href={schouwHref({ name: 'buurt-open', buurtId: buurt.id })}>
                <span class="buurt-choice-name">{buurt.name}</span>
                <span class="buurt-choice-count">{counts === undefined ? '…' : counted(t, 'openFindings.openCount', counts.get(buurt.id) ?? 0)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">{t('openFindings.onDevice')}</p>
    </>
  );
}

type Scope = { readonly schouwId: string } | { readonly buurtId: string };

function OpenList({ scope }: { scope: Scope }) {
  const { config, now } = useApp();
  const t = useT(reportPack, findingsPack);
  const [filter, setFilter] = useState<OpenFilter>(ANY_OPEN);
  const key = 'schouwId' in scope ? `round:${scope.schouwId}` : `buurt:${scope.buurtId}`;
  const paging = usePaging(`${key} ${partnerValue(filter.partner)} ${filter.status ?? ''}`);
  // A round's findings are few: all of them are read and filtered here. A
  // buurt's after a year are thousands, most of them closed: the store sorts,
  // filters and counts its open ones on index keys and reads only the page.
  const data = useLive(
    async (store) => {
      if ('schouwId' in scope) {
        const all = await store.schouw.listFindings(scope);
        const shown = openFindings(all, filter);
        return {
          rows: shown.slice(0, paging.limit),
          total: shown.length,
          partners: partnersInUse(openFindings(all)),
          counts: statusCounts(all),
          rounds: await roundsOf(store, [scope.schouwId]),
        };
      }
      const page = await store.schouw.listOpenFindings(scope.buurtId, { ...filter, limit: paging.limit });
      return {
        ...page,
        rows: openFindings(page.rows),
        rounds: await roundsOf(
          store,
          page.rows.map((f) => f.schouwId),
        ),
      };
    },
    [key, partnerValue(filter.partner), filter.status, paging.limit],
    { keep: true },
  );

  const round = 'schouwId' in scope ? data?.rounds.get(scope.schouwId) : undefined;
  const title =
    'schouwId' in scope
      ? t('openFindings.roundTitle', { title: round?.title ?? '…' })
      : t('openFindings.buurtTitle', { buurt: buurtName(t, config, scope.buurtId) });
  if (data === undefined) return <ScreenTitle>{title}</ScreenTitle>;

  const { counts, rows: shown } = data;
  const openTotal = openCount(counts);
  // By name, whichever order the store gives them in.
  const partnerIds = [...new Set([...data.partners, ...(filter.partner.kind === 'partner' ? [filter.partner.partnerId] : [])])].sort((a, b) =>
    partnerName(config, a).localeCompare(partnerName(config, b)),
  );
  const time = now();

  return (
    <>
      <ScreenTitle>{title}</ScreenTitle>
      <p class="no-print">
        {'schouwId' in scope ? (
          <a href={schouwHref({ name: 'round', activityId: scope.schouwId })}>{t('report.backToRound')}</a>
        ) : (
          <a href={schouwHref({ name: 'buurt-open', buurtId: null })}>{t('openFindings.otherBuurten')}</a>
        )}
      </p>

      <section aria-labelledby="open-counts">
        <h2 id="open-counts" class="visually-hidden">
          {t('openFindings.counts')}
        </h2>
        <dl class="status-counts" data-testid="status-counts">
          {FINDING_STATUSES.map((status) => (
            <div key={status} class={`status-count${isOpenStatus(status) ? ' status-count-open' : ''}`}>
              <dt>{findingLabel(t, 'findingStatus', status)}</dt>
              <dd>{counts[status]}</dd>
            </div>
          ))}
        </dl>
      </section>

      {openTotal > 0 && (
        <fieldset class="fieldset list-filters open-filters">
          <legend>{t('openFindings.filters')}</legend>
          <div class="field">
            <label for="open-partner">{t('openFindings.filterPartner')}</label>
            <select
              id="open-partner"
              value={partnerValue(filter.partner)}
              onChange={(event) => setFilter({ ...filter, partner: partnerFilterOf(event.currentTarget.value) })}
            >
              <option value="any">{t('openFindings.allPartners')}</option>
              <option value="none">{t('openFindings.noPartner')}</option>
              {partnerIds.map((id) => (
                <option key={id} value={`partner:${id}`}>
                  {partnerName(config, id)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="open-status">{t('openFindings.filterStatus')}</label>
            <select
              id="open-status"
              value={filter.status ?? 'any'}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setFilter({ ...filter, status: (OPEN_STATUSES as readonly string[]).includes(value) ? (value as FindingStatus) : null });
              }}
            >
              <option value="any">{t('openFindings.allOpen')}</option>
              {OPEN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {findingLabel(t, 'findingStatus', status)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      )}

      {openTotal === 0 ? (
        <p class="empty-state">{t('openFindings.empty')}</p>
      ) : shown.length === 0 ? (
        <p class="empty-state">{t('openFindings.emptyFiltered')}</p>
      ) : (
        <>
          <p class="list-count" role="status">
            {counted(t, 'openFindings.shown', data.total)}
          </p>
          <ul class="open-list" ref={paging.listRef}>
            {shown.map((finding) => (
              <OpenRow key={finding.id} t={t} finding={finding} now={time} round={'buurtId' in scope ? data.rounds.get(finding.schouwId) : undefined} />
            ))}
          </ul>
          <ShowMore paging={paging} shown={shown.length} total={data.total} />
        </>
      )}
      {'buurtId' in scope && <PatrolOpenObservations buurtId={scope.buurtId} />}
    </>
  );
}

/** The rounds these findings belong to, by id, in one read. */
async function roundsOf(store: UiStore, activityIds: readonly string[]): Promise<Map<string, ActivityView>> {
  return new Map((await store.activities.getMany([...new Set(activityIds)])).map((activity) => [activity.id, activity] as const));
}

function partnerValue(filter: PartnerFilter): string {
  return filter.kind === 'partner' ? `partner:${filter.partnerId}` : filter.kind;
}

function partnerFilterOf(value: string): PartnerFilter {
  if (value === 'none') return { kind: 'none' };
  if (value.startsWith('partner:')) return { kind: 'partner', partnerId: value.slice('partner:'.length) };
  return { kind: 'any' };
}

function OpenRow({ t, finding, now, round }: { t: ReportT; finding: FindingView; now: number; round: ActivityView | undefined }) {
  const { lang, config } = useApp();
  const what = whatText(t, finding);
  return (
    <li class="open-row" data-testid="open-finding">
      <FindingThumb photos={finding.photos} thumbnails={finding.thumbnails} alt={what} />
      <div class="open-row-body">
        <h2 class="open-row-title">
          <a href={schouwHref({ name: 'finding', id: finding.id })}>{what}</a>
        </h2>
        <p class="open-row-age">
          <strong>{ageText(t, ageOf(finding.createdAt, now))}</strong> · {findingLabel(t, 'findingStatus', finding.status)}
          {finding.level !== null && (
            <>
              {' · '}
              <span data-testid="open-finding-level">
                {t('report.levelColumn')}: {findingLabel(t, 'level', finding.level)}
              </span>
            </>
          )}
        </p>
        <dl class="report-finding-facts">
          <DetailItem term={t('openFindings.place')} class="report-fact">
            {whereText(t, lang, finding)}
          </DetailItem>
          {round && (
            <DetailItem term={t('openFindings.round')} class="report-fact">
              {round.title}, {formatDate(lang, round.date)}
            </DetailItem>
          )}
          <DetailItem term={t('openFindings.action')} class="report-fact">
            {findingLabel(t, 'action', finding.action ?? 'none')}
          </DetailItem>
          <DetailItem term={t('openFindings.responsible')} class="report-fact">
            {finding.responsiblePartnerId ? partnerName(config, finding.responsiblePartnerId) : t('report.nobody')}
          </DetailItem>
          <DetailItem term={t('openFindings.melding')} class="report-fact">
            {finding.meldingNumber ?? t('report.noMelding')}
          </DetailItem>
        </dl>
      </div>
    </li>
  );
}
