import { useEffect, useState } from 'preact/hooks';
import { INDICATOR_GROUPS, type MonitoringAnswer } from '../../domain/indicators.ts';
import type { IndicatorTarget } from '../../domain/monitoring-settings.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { activityTypeLabel, buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { observationTypeLabel, type ObservationType } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { findingLabel } from '../schouw/labels.ts';
import { findingsPack } from '../schouw/pack.ts';
import { PeriodFields } from './PeriodFields.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { filtersOf, formatValue, groupOf, indicatorRows, queryKey, queryOf, quarterLabel, referenceUnit, type Filters, type IndicatorRow } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { monitoringHref } from './routes.ts';
import { FiguresStatus } from './FiguresStatus.tsx';
import { ReachMap } from './ReachMap.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useFigures } from './use-figures.ts';
import '../ui/ui.css';
import './monitoring.css';

type Words = ReturnType<typeof useWords>;

function useWords() {
  return useT(monitoringPack, findingsPack, patrolPack);
}

/** `#/monitoring`: the programme's indicators for a period and filters, with baseline, target and trend; cached on the device. */
export function MonitoringScreen() {
  const { config, principal, store } = useApp();
  const t = useWords();
  const today = localDate(Date.now());
  const [filters, setFilters] = useState<Filters | null>(null);
  const settings = useLive((s) => s.monitoring.settings(), []);
  const figures = useFigures(filters);
  // Shown only with the 0-metingen and targets read: before that each indicator would say "Nog geen 0-meting".
  const { state, retry } = figures;
  const shown = settings === undefined ? null : figures.shown;

  useEffect(() => {
    // Reopen where the person was (offline too): the query last looked at, else this quarter.
    const fallback: Filters = { period: 'quarter', from: today, to: today, buurtId: '', themeId: '', projectId: '' };
    store.monitoring.lastQuery().then(
      (last) => setFilters(last ? filtersOf(last, fallback) : fallback),
      () => setFilters(fallback),
    );
  }, []);

  const change = (patch: Partial<Filters>) => setFilters((current) => (current === null ? current : { ...current, ...patch }));
  const targets = settings?.targets ?? new Map<string, IndicatorTarget>();

  return (
    <>
      <ScreenTitle>{t('monitoring.title')}</ScreenTitle>
      <p class="muted">{t('monitoring.intro')}</p>
      {filters !== null && (
        <fieldset class="fieldset monitoring-filters">
          <legend>{t('monitoring.filters')}</legend>
          <PeriodFields id="monitoring" value={filters} onChange={change} />
          <div class="field">
            <label for="monitoring-theme">{t('monitoring.theme')}</label>
            <select id="monitoring-theme" value={filters.themeId} onChange={(e) => change({ themeId: e.currentTarget.value })}>
              <option value="">{t('monitoring.allThemes')}</option>
              {config.themes
                .filter((theme) => !theme.hidden)
                .map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.label}
                  </option>
                ))}
            </select>
          </div>
          <div class="field">
            <label for="monitoring-project">{t('monitoring.project')}</label>
            <select id="monitoring-project" value={filters.projectId} onChange={(e) => change({ projectId: e.currentTarget.value })}>
              <option value="">{t('monitoring.allProjects')}</option>
              {config.projects
                .filter((project) => !project.hidden)
                .map((project) => (
                  <option key={project.id} value={project.id}>
                    {project.name}
                  </option>
                ))}
            </select>
          </div>
        </fieldset>
      )}
      <p class="monitoring-links">
        {filters !== null && (
          <a class="button" href={monitoringHref({ name: 'report', query: queryKey(queryOf(filters)) })}>
            {t('monitoring.reportLink')}
          </a>
        )}
        <a class="button" href={monitoringHref({ name: 'exports' })}>
          {t('monitoring.exportsLink')}
        </a>
        {principal.role === 'coordinator' && (
          <a class="button" href={monitoringHref({ name: 'targets' })}>
            {t('monitoring.settingsLink')}
          </a>
        )}
      </p>
      <FiguresStatus shown={shown} state={state} retry={retry} />
      {shown !== null && (
        <Figures
          answer={shown.answer}
          targets={targets}
          t={t}
          names={{ buurt: (id) => buurtName(t, config, id), type: (id) => activityTypeLabel(t, config, id) }}
        />
      )}
    </>
  );
}

/** The indicator whose PC4 breakdown is also drawn on the map. */
const REACH = 'reach-pc4';

type Names = { readonly buurt: (id: string) => string; readonly type: (id: string) => string };

function Figures({ answer, targets, t, names }: { answer: MonitoringAnswer; targets: ReadonlyMap<string, IndicatorTarget>; t: Words; names: Names }) {
  const { lang } = useApp();
  const rows = indicatorRows(answer, targets);
  return (
    <>
      <p class="monitoring-period">
        <strong>{t('monitoring.showing', { from: formatDate(lang, answer.period.from), to: formatDate(lang, answer.period.to) })}</strong>
        {answer.filters.buurtId && ` · ${names.buurt(answer.filters.buurtId)}`}
      </p>
      {INDICATOR_GROUPS.map((group) => (
        <section key={group} aria-labelledby={`monitoring-${group}`} class="monitoring-group">
          <h2 id={`monitoring-${group}`}>{t(`monitoring.group.${group}`)}</h2>
          <ul class="indicator-list">
            {rows
              .filter((row) => groupOf([row.indicator], group).length > 0)
              .map((row) => (
                <IndicatorCard key={row.indicator.key} {...row} t={t} names={names} />
              ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="monitoring-table" class="monitoring-group">
        <h2 id="monitoring-table">{t('monitoring.table')}</h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="monitoring-table">
          <table class="monitoring-table">
            <caption>{t('monitoring.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('monitoring.indicator')}</th>
                <th scope="col">{t('monitoring.value')}</th>
                <th scope="col">{t('monitoring.baseline')}</th>
                <th scope="col">{t('monitoring.target')}</th>
                {answer.quarters.map((quarter) => (
                  <th key={quarter} scope="col">
                    {quarterLabel(t, quarter)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ indicator, value, baseline, target }) => (
                <tr key={indicator.key}>
                  <th scope="row">{t(`indicator.${indicator.key}` as 'indicator.participants')}</th>
                  <td>{value.applies ? formatValue(t, lang, indicator.unit, value.value) : '–'}</td>
                  <td>{formatValue(t, lang, referenceUnit(indicator), baseline)}</td>
                  <td>{formatValue(t, lang, referenceUnit(indicator), target)}</td>
                  {answer.quarters.map((quarter, index) => (
                    <td key={quarter}>{value.applies ? formatValue(t, lang, indicator.unit, value.trend[index] ?? null) : '–'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function IndicatorCard({ indicator, value, baseline, target, track, t, names }: IndicatorRow & { t: Words; names: Names }) {
  const { lang } = useApp();
  const label = t(`indicator.${indicator.key}` as 'indicator.participants');
  return (
    <li class={indicator.key === REACH ? 'indicator indicator-wide' : 'indicator'} data-indicator={indicator.key}>
      <h3>{label}</h3>
      {!value.applies ? (
        <p class="muted">{t('monitoring.notApplicable')}</p>
      ) : (
        <>
          <p class="indicator-value" data-testid={`value-${indicator.key}`}>
            {formatValue(t, lang, indicator.unit, value.value)}
          </p>
          <p class="indicator-target">
            {baseline === null || target === null
              ? t('monitoring.noBaseline')
              : t('monitoring.baselineAndTarget', {
                  baseline: formatValue(t, lang, referenceUnit(indicator), baseline),
                  target: formatValue(t, lang, referenceUnit(indicator), target),
                })}
            {track !== null && <span class={track ? 'track track-on' : 'track track-off'}>{t(track ? 'monitoring.onTrack' : 'monitoring.offTrack')}</span>}
          </p>
          <TrendChart values={value.trend} baseline={baseline} target={target} />
          {Object.entries(value.breakdowns)
            .filter(([, list]) => list.length > 0)
            .map(([kind, list]) => (
              <details key={kind} class="breakdown">
                <summary>{t(`monitoring.breakdown.${kind}` as 'monitoring.breakdown.type')}</summary>
                <table>
                  <tbody>
                    {list.map((entry) => (
                      <tr key={entry.key}>
                        <th scope="row">{breakdownLabel(t, names, kind, entry.key)}</th>
                        <td>{formatValue(t, lang, 'count', entry.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ))}
          {indicator.key === REACH && <ReachMap entries={value.breakdowns['pc4'] ?? []} />}
        </>
      )}
    </li>
  );
}

function breakdownLabel(t: Words, names: Names, kind: string, key: string): string {
  switch (kind) {
    case 'type':
      return names.type(key);
    case 'level':
      return findingLabel(t, 'level', key === 'none' ? null : (key as 'A'));
    case 'element':
      return findingLabel(t, 'element', key as 'tree');
    case 'aspect':
      return findingLabel(t, 'aspect', key as 'damage');
    case 'status':
      return findingLabel(t, 'findingStatus', key as 'new');
    case 'kind':
      return t(`monitoring.kind.${key}` as 'monitoring.kind.safety');
    case 'source':
      return t(`monitoring.source.${key}` as 'monitoring.source.finding');
    case 'observationType':
      return observationTypeLabel(t, key as ObservationType);
    default:
      // A PC4 is its own label.
      return key;
  }
}
