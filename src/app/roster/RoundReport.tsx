import type { ObservationView, RoundView } from '../../store/patrol-roster-store.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { buurtName } from '../i18n/labels.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { patrolModeLabel, patrolOutcomeLabel, walkerName } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { RoundMap } from '../patrol/RoundMap.tsx';
import { ObservationItem } from './ObservationItem.tsx';
import { rosterPack } from './pack.ts';
import { useMemberNames } from './use-member-names.ts';
import '../report/report.css';
import './roster.css';

type Data = { round: RoundView; observations: ObservationView[] } | null;

/** `#/inzet/ronde/<id>`: the printable report of one round (A4, the report print stylesheet). */
export function RoundReport({ id }: { id: string }) {
  const { config, lang, platform, me } = useApp();
  const names = useMemberNames();
  const t = useT(rosterPack, patrolPack);
  const data = useLive(
    async (store): Promise<Data> => {
      const round = (await store.roster.listRounds({})).find((item) => item.id === id);
      if (!round) return null;
      const filter = { teamIds: [round.teamId] };
      const [safety, publicSpace] = await Promise.all([store.roster.listSafetyObservations(filter), store.roster.listPublicSpaceObservations(filter)]);
      const observations: ObservationView[] = [...safety, ...publicSpace].filter((o) => o.roundId === id).sort((a, b) => a.observedAt - b.observedAt);
      return { round, observations };
    },
    [id],
  );
  if (data === undefined) return <p class="muted">{t('app.loading')}</p>;
  if (data === null) return <p class="empty-state">{t('roundReport.notFound')}</p>;
  const { round, observations } = data;
  const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit' });
  const end = round.closedBy === 'app' ? t('roundReport.notClosed') : round.endedAt === null ? t('roundReport.running') : time.format(round.endedAt);
  const team = config.teams.find((item) => item.id === round.teamId);

  return (
    <article class="print-page round-report">
      <ScreenTitle>
        {t('roundReport.report')} {team?.name ?? ''}
      </ScreenTitle>
      <p class="lead">{t('roundReport.when', { date: formatDate(lang, localDate(round.startedAt)), start: time.format(round.startedAt), end })}</p>
      <ul class="report-facts">
        <li>{t('roster.area', { buurten: round.buurtIds.map((b) => buurtName(t, config, b)).join(', ') })}</li>
        <li>
          {t('roundReport.walkers', { count: round.walkers.length })}
          {round.walkers.length > 0 && ` (${round.walkers.map((walker) => walkerName(t, walker, me.userId, team, names)).join(', ')})`}
        </li>
        <li>{t('roundReport.mode', { mode: patrolModeLabel(t, round.mode) })}</li>
        {round.outcome && <li>{t('roundReport.outcome', { outcome: patrolOutcomeLabel(t, round.outcome) })}</li>}
        {round.checkedInWithPolice && <li>{t('roundReport.checkedIn')}</li>}
      </ul>
      {round.summary && (
        <section class="report-section">
          <h2>{t('roundReport.summary')}</h2>
          <p>{round.summary}</p>
        </section>
      )}
      <RoundMap track={round.track} observations={observations} />
      <section class="report-section">
        <h2>{t('roundReport.observations')}</h2>
        {observations.length === 0 ? (
          <p class="muted">{t('roundReport.noObservations')}</p>
        ) : (
          <ul class="observation-list">
            {observations.map((observation) => (
              <ObservationItem key={observation.id} observation={observation} />
            ))}
          </ul>
        )}
      </section>
      <button type="button" class="button button-block no-print" onClick={() => platform.document.defaultView?.print()}>
        {t('roundReport.print')}
      </button>
    </article>
  );
}
