import '../ui/ui.css';
import './report.css';
import { CROW_LEVELS, FINDING_LEVELS, GOOD_BAD_PLUS, meetsTarget, schouwScore, type FindingLevel } from '../../domain/schouw.ts';
import { useApp } from '../context.ts';
import { formatDate, formatDateLong, localDate } from '../format.ts';
import { useLive, useOnline } from '../hooks.ts';
import { findingLabel } from '../schouw/labels.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from '../schouw/pack.ts';
import { reportPack, type ReportT } from './pack.ts';
import { MapView } from '../place/MapView.tsx';
import { schouwHref } from '../schouw/routes.ts';
import { RoundPending } from './RoundPending.tsx';
import { DetailItem } from '../ui/DetailItem.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import type { FindingView, SchouwView } from '../../store/schouw-store.ts';
import { findingsCsv } from './csv.ts';
import { downloadFile, exportFileName, mediaTypeOf } from './download.ts';
import { FindingPhoto } from './FindingPhoto.tsx';
import { findingsGeoJson } from './geojson.ts';
import { actionList, findingNumbers, groupByElementAndAspect } from './report-data.ts';
import { csvWords, counted, findingWords, partnerName, whatText, whereText } from './words.ts';

/**
 * `#/schouw/:id/rapport`: the printable report of one round — what, when,
 * who took part, a map, the score against the agreed ambition, every finding
 * by element and aspect with its photos, and the action list — plus the CSV
 * and GeoJSON exports. The browser's "save as PDF" makes an A4 report of it
 * (report.css).
 */
export function ReportScreen({ activityId }: { activityId: string }) {
  const { lang, config, now, platform, announce } = useApp();
  const t = useT(reportPack, findingsPack);
  const online = useOnline();
  const data = useLive(
    async (store) => {
      const activity = await store.activities.get(activityId);
      if (!activity || activity.deleted) return { activity: null } as const;
      const [schouw, findings] = await Promise.all([store.schouw.getRound(activityId), store.schouw.listFindings({ schouwId: activityId })]);
      return { activity, schouw, findings } as const;
    },
    [activityId],
  );

  if (data === undefined || data.activity === null) return <RoundPending isLoading={data === undefined} />;
  const { activity, schouw, findings } = data;
  const buurt = buurtName(t, config, activity.buurtId);
  const numbers = findingNumbers(findings);
  const nrOf = (id: string) => numbers.get(id) ?? 0;

  const download = (extension: 'csv' | 'geojson') => {
    try {
      const content =
        extension === 'csv'
          ? findingsCsv(findings, schouw.targetLevel, csvWords(t, config))
          : JSON.stringify(findingsGeoJson(findings, schouw.targetLevel, findingWords(t, config)), null, 2);
      const fileName = exportFileName(activity.date, buurt, extension);
      downloadFile(platform.document, content, fileName, mediaTypeOf(extension));
      announce(t('report.downloaded', { file: fileName }));
    } catch (error) {
      console.error('export failed', error);
      announce(t('report.downloadFailed'));
    }
  };

  const points = findings.flatMap((f) => (f.location ? [{ id: f.id, lat: f.location.lat, lon: f.location.lon, label: String(nrOf(f.id)) }] : []));
  const actions = actionList(findings);

  return (
    <article class="print-page report">
      <ScreenTitle>{t('report.title', { title: activity.title })}</ScreenTitle>
      <div class="report-toolbar no-print" role="group" aria-label={t('report.actions')}>
        <button type="button" class="button button-primary" onClick={() => platform.document.defaultView?.print()}>
          {t('report.print')}
        </button>
        <button type="button" class="button" onClick={() => download('csv')}>
          {t('report.downloadCsv')}
        </button>
        <button type="button" class="button" onClick={() => download('geojson')}>
          {t('report.downloadGeoJson')}
        </button>
        <a href={schouwHref({ name: 'feedback', activityId })}>{t('report.toFeedback')}</a>
        <a href={schouwHref({ name: 'round-open', activityId })}>{t('report.toOpen')}</a>
        <a href={schouwHref({ name: 'round', activityId })}>{t('report.backToRound')}</a>
      </div>

      <dl class="details report-facts">
        <DetailItem term={t('report.date')}>{formatDate(lang, activity.date)}</DetailItem>
        <DetailItem term={t('report.buurt')}>{buurt}</DetailItem>
        <DetailItem term={t('report.kind')}>{findingLabel(t, 'schouwKind', schouw.kind)}</DetailItem>
        <DetailItem term={t('report.method')}>{findingLabel(t, 'schouwMethod', schouw.method)}</DetailItem>
        <DetailItem term={t('report.targetLevel')}>{findingLabel(t, 'level', schouw.targetLevel)}</DetailItem>
        <DetailItem term={t('report.participants')}>
          <Participants t={t} participants={schouw.participants} partner={(id) => partnerName(config, id)} />
        </DetailItem>
      </dl>

      <section aria-labelledby="report-map" class="report-section report-map">
        <h2 id="report-map">{t('report.map')}</h2>
        {points.length > 0 ? <MapView points={points} online={online} class="report-map-view" /> : <p>{t('report.mapNone')}</p>}
        {points.length > 0 && points.length < findings.length && <p class="muted">{counted(t, 'report.mapMissing', findings.length - points.length)}</p>}
      </section>

      <Score t={t} schouw={schouw} findings={findings} />

      <section aria-labelledby="report-findings" class="report-section">
        <h2 id="report-findings">
          {t('report.findings')} <span class="muted">({counted(t, 'report.findingCount', findings.length)})</span>
        </h2>
        {findings.length === 0 && <p>{t('report.findingsNone')}</p>}
        {groupByElementAndAspect(findings).map((group) => (
          <section key={group.element} class="report-group" aria-labelledby={`report-element-${group.element}`}>
            <h3 id={`report-element-${group.element}`}>{findingLabel(t, 'element', group.element)}</h3>
            {group.aspects.map(({ aspect, findings: ofAspect }) => (
              <section key={aspect} class="report-group">
                <h4>
                  {findingLabel(t, 'aspect', aspect)} <span class="muted">({counted(t, 'report.findingCount', ofAspect.length)})</span>
                </h4>
                <ol class="report-findings">
                  {ofAspect.map((finding) => (
                    <ReportFinding key={finding.id} t={t} finding={finding} nr={nrOf(finding.id)} schouw={schouw} />
                  ))}
                </ol>
              </section>
            ))}
          </section>
        ))}
      </section>

      <section aria-labelledby="report-actions" class="report-section">
        <h2 id="report-actions">{t('report.actionList')}</h2>
        {actions.length === 0 ? (
          <p>{t('report.actionListNone')}</p>
        ) : (
          <div class="table-scroll">
            <table class="report-table">
              <caption>{t('report.actionListCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.col.nr')}</th>
                  <th scope="col">{t('report.col.what')}</th>
                  <th scope="col">{t('report.col.action')}</th>
                  <th scope="col">{t('report.col.responsible')}</th>
                  <th scope="col">{t('report.col.melding')}</th>
                  <th scope="col">{t('report.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      <a href={schouwHref({ name: 'finding', id: f.id })}>{nrOf(f.id)}</a>
                    </th>
                    <td>
                      {whatText(t, f)}
                      <br />
                      <span class="muted">{whereText(t, lang, f)}</span>
                    </td>
                    <td>{f.action ? findingLabel(t, 'action', f.action) : ''}</td>
                    <td>{f.responsiblePartnerId ? partnerName(config, f.responsiblePartnerId) : t('report.nobody')}</td>
                    <td>
                      {f.meldingNumber ?? t('report.noMelding')}
                      <br />
                      <span class="muted">{findingLabel(t, 'meldingStatus', f.meldingStatus)}</span>
                    </td>
                    <td>{findingLabel(t, 'findingStatus', f.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <p class="muted report-footer">{t('report.generated', { date: formatDateLong(lang, localDate(now()), localDate(now())) })}</p>
    </article>
  );
}

function Participants({ t, participants, partner }: { t: ReportT; participants: SchouwView['participants']; partner: (id: string) => string }) {
  if (participants.total === 0) return <>{t('report.participantsNone')}</>;
  const parts = [t('report.participantsResidents', { count: participants.residents }), ...participants.partners.map(([id, n]) => `${partner(id)}: ${n}`)];
  return (
    <>
      {t('report.participantsTotal', { count: participants.total })} ({parts.join(', ')})
    </>
  );
}

/** The levels a round's table lists: its method's, plus any other level a finding has (the method may have changed). */
function levelsToShow(schouw: SchouwView, byLevel: Readonly<Record<FindingLevel, number>>): FindingLevel[] {
  const own: readonly FindingLevel[] = schouw.method === 'crow' ? CROW_LEVELS : schouw.method === 'goodBadPlus' ? GOOD_BAD_PLUS : [];
  return FINDING_LEVELS.filter((level) => own.includes(level) || byLevel[level] > 0);
}

function Score({ t, schouw, findings }: { t: ReportT; schouw: SchouwView; findings: readonly FindingView[] }) {
  const score = schouwScore(
    findings.map((f) => f.level),
    schouw.targetLevel,
  );
  const unrated = findings.length - score.rated;
  const levels = levelsToShow(schouw, score.byLevel);
  const line =
    score.share === null
      ? t(schouw.method === 'free' ? 'report.score.free' : 'report.score.none')
      : t(score.rated === 1 ? 'report.score.one' : 'report.score.other', {
          meeting: score.meeting,
          rated: score.rated,
          percent: Math.round(score.share * 100),
          level: schouw.targetLevel,
        });
  return (
    <section aria-labelledby="report-score" class="report-section">
      <h2 id="report-score">{t('report.score')}</h2>
      <p class="lead" data-testid="report-score">
        {line}
      </p>
      {(levels.length > 0 || unrated > 0) && (
        <table class="report-table report-levels">
          <caption>{t('report.levelsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.levelColumn')}</th>
              <th scope="col">{t('report.countColumn')}</th>
              <th scope="col">{t('report.meetsColumn', { level: schouw.targetLevel })}</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => (
              <tr key={level}>
                <th scope="row">{findingLabel(t, 'level', level)}</th>
                <td>{score.byLevel[level]}</td>
                <td>{t(meetsTarget(level, schouw.targetLevel) ? 'csv.yes' : 'csv.no')}</td>
              </tr>
            ))}
            {unrated > 0 && (
              <tr>
                <th scope="row">{findingLabel(t, 'level', null)}</th>
                <td>{unrated}</td>
                <td>{t('report.notCounted')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ReportFinding({ t, finding, nr, schouw }: { t: ReportT; finding: FindingView; nr: number; schouw: SchouwView }) {
  const { lang } = useApp();
  const meets = meetsTarget(finding.level, schouw.targetLevel);
  const what = whatText(t, finding);
  return (
    <li class="report-finding" data-testid="report-finding">
      <p class="report-finding-title">
        <a href={schouwHref({ name: 'finding', id: finding.id })}>
          <strong>{t('report.findingNo', { nr })}</strong>
        </a>{' '}
        {what}
      </p>
      <dl class="report-finding-facts">
        <DetailItem term={t('report.level')} class="report-fact">
          {findingLabel(t, 'level', finding.level)}
          {meets !== null && <> — {t(meets ? 'report.meets' : 'report.meetsNot')}</>}
        </DetailItem>
        <DetailItem term={t('report.place')} class="report-fact">
          {whereText(t, lang, finding)}
        </DetailItem>
        {finding.note && (
          <DetailItem term={t('report.note')} class="report-fact" valueClass="report-note">
            {finding.note}
          </DetailItem>
        )}
      </dl>
      {finding.photos.length > 0 && (
        <ul class="report-photos" aria-label={t('report.photos')}>
          {finding.photos.map((sha, index) => (
            <li key={sha}>
              <FindingPhoto sha256={sha} class="report-photo" alt={t('report.photoAlt', { n: index + 1, nr, what })} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
