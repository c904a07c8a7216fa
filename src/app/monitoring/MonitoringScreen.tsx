import { useEffect, useState } from 'preact/hooks';
import {
  INDICATOR_GROUPS,
  PERIOD_KINDS,
  isOnTrack,
  targetFor,
  type IndicatorDefinition,
  type IndicatorValue,
  type MonitoringAnswer,
  type PeriodKind,
} from '../../domain/indicators.ts';
import { INDICATORS } from '../../domain/indicators-registry.ts';
import type { IndicatorTarget } from '../../domain/monitoring-settings.ts';
import { useApp } from '../context.ts';
import { formatDate, formatRelative, localDate } from '../format.ts';
import { useLive, useNow, useOnline } from '../hooks.ts';
import { activityTypeLabel, buurtName } from '../i18n/labels.ts';
import { LOCALES } from '../i18n/translate.ts';
import { useT } from '../i18n/use-t.ts';
import { observationTypeLabel, type ObservationType } from '../patrol/labels.ts';
import { patrolPack } from '../patrol/pack.ts';
import { findingLabel } from '../schouw/labels.ts';
import { findingsPack } from '../schouw/pack.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { formatValue, groupOf, queryKey, queryOf, quarterLabel, type Filters } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { monitoringHref } from './routes.ts';
import { TrendChart } from './TrendChart.tsx';
import '../ui/ui.css';
import './monitoring.css';

type Shown = { readonly answer: MonitoringAnswer; readonly savedAt: number };
type Words = ReturnType<typeof useWords>;

function useWords() {
  return useT(monitoringPack, findingsPack, patrolPack);
}

/** `#/monitoring`: the programme's indicators for a period and filters, with baseline, target and trend; cached on the device. */
export function MonitoringScreen() {
  const { config, lang, principal, store, api } = useApp();
  const t = useWords();
  const now = useNow(30_000);
  const online = useOnline();
  const today = localDate(now);
  const [filters, setFilters] = useState<Filters | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [round, setRound] = useState(0);
  const settings = useLive((s) => s.monitoring.settings(), []);
  const key = filters === null ? null : queryKey(queryOf(filters));

  useEffect(() => {
    // Reopen where the person was (offline too): the query last looked at, else this quarter.
    const fallback: Filters = { period: 'quarter', from: today, to: today, buurtId: '', themeId: '', projectId: '' };
    store.monitoring.lastQuery().then(
      (last) => setFilters(last ? filtersOf(last, fallback) : fallback),
      () => setFilters(fallback),
    );
  }, []);

  useEffect(() => {
    if (filters === null || key === null) return;
    let live = true;
    let fresh = false;
    const query = queryOf(filters);
    setState('loading');
    setShown(null);
    store.monitoring.cached(key).then(
      (cached) => {
        if (live && !fresh && cached) setShown(cached);
      },
      () => {},
    );
    api()
      .then((client) => client.monitoring(query))
      .then(
        async (answer) => {
          if (!live) return;
          fresh = true;
          const savedAt = Date.now();
          setShown({ answer, savedAt });
          setState('ready');
          await store.monitoring.cache(key, answer).catch(() => {});
        },
        () => live && setState('failed'),
      );
    return () => {
      live = false;
    };
  }, [key, round]);

  const change = (patch: Partial<Filters>) => setFilters((current) => (current === null ? current : { ...current, ...patch }));
  const buurten = config.buurten.filter(
    (b) => !b.hidden && (principal.role === 'coordinator' || principal.buurtIds.length === 0 || principal.buurtIds.includes(b.id)),
  );
  const time = new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const targets = settings?.targets ?? new Map<string, IndicatorTarget>();

  return (
    <>
      <ScreenTitle>{t('monitoring.title')}</ScreenTitle>
      <p class="muted">{t('monitoring.intro')}</p>
      {filters !== null && (
        <fieldset class="fieldset monitoring-filters">
          <legend>{t('monitoring.filters')}</legend>
          <div class="field">
            <label for="monitoring-period">{t('monitoring.period')}</label>
            <select id="monitoring-period" value={filters.period} onChange={(e) => change({ period: e.currentTarget.value as PeriodKind })}>
              {PERIOD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`monitoring.period.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="monitoring-from">{t(filters.period === 'custom' ? 'monitoring.from' : 'monitoring.day')}</label>
            <input id="monitoring-from" type="date" value={filters.from} onChange={(e) => e.currentTarget.value && change({ from: e.currentTarget.value })} />
          </div>
          {filters.period === 'custom' && (
            <div class="field">
              <label for="monitoring-to">{t('monitoring.to')}</label>
              <input id="monitoring-to" type="date" value={filters.to} onChange={(e) => e.currentTarget.value && change({ to: e.currentTarget.value })} />
            </div>
          )}
          <div class="field">
            <label for="monitoring-buurt">{t('monitoring.buurt')}</label>
            <select id="monitoring-buurt" value={filters.buurtId} onChange={(e) => change({ buurtId: e.currentTarget.value })}>
              <option value="">
                {principal.role === 'coordinator' || principal.buurtIds.length === 0 ? t('monitoring.allBuurten') : t('monitoring.ownBuurten')}
              </option>
              {buurten.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
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
      {principal.role === 'coordinator' && (
        <p>
          <a class="button" href={monitoringHref({ name: 'targets' })}>
            {t('monitoring.settingsLink')}
          </a>
        </p>
      )}
      <div class="monitoring-status" role="status" data-testid="monitoring-age">
        {shown === null ? (
          state === 'failed' ? (
            <p>{t('monitoring.none')}</p>
          ) : (
            <p class="muted">{t('monitoring.loading')}</p>
          )
        ) : (
          <p>
            {t(state === 'failed' || !online ? 'monitoring.ageOffline' : 'monitoring.age', {
              time: time.format(shown.savedAt),
              age: formatRelative(lang, t, shown.savedAt, Math.max(now, shown.savedAt)),
            })}
          </p>
        )}
        {state === 'failed' && (
          <button type="button" class="button" onClick={() => setRound((n) => n + 1)}>
            {t('monitoring.retry')}
          </button>
        )}
      </div>
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

function filtersOf(query: Readonly<Record<string, string>>, fallback: Filters): Filters {
  const period = (PERIOD_KINDS as readonly string[]).includes(query['period'] ?? '') ? (query['period'] as PeriodKind) : fallback.period;
  return {
    period,
    from: query['from'] ?? fallback.from,
    to: query['to'] ?? query['from'] ?? fallback.to,
    buurtId: query['buurtId'] ?? '',
    themeId: query['themeId'] ?? '',
    projectId: query['projectId'] ?? '',
  };
}

type Names = { readonly buurt: (id: string) => string; readonly type: (id: string) => string };

function Figures({ answer, targets, t, names }: { answer: MonitoringAnswer; targets: ReadonlyMap<string, IndicatorTarget>; t: Words; names: Names }) {
  const { lang } = useApp();
  const byKey = new Map(answer.indicators.map((value) => [value.key, value]));
  const rows = INDICATORS.flatMap((indicator) => {
    const value = byKey.get(indicator.key);
    if (!value) return [];
    const setting = targets.get(indicator.key);
    return [{ indicator, value, baseline: setting?.baseline ?? null, target: setting ? targetFor(indicator, setting) : null }];
  });
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

function IndicatorCard({
  indicator,
  value,
  baseline,
  target,
  t,
  names,
}: {
  indicator: IndicatorDefinition;
  value: IndicatorValue;
  baseline: number | null;
  target: number | null;
  t: Words;
  names: Names;
}) {
  const { lang } = useApp();
  const label = t(`indicator.${indicator.key}` as 'indicator.participants');
  const track = target === null ? null : isOnTrack(indicator, value.value, target);
  return (
    <li class="indicator" data-indicator={indicator.key}>
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
        </>
      )}
    </li>
  );
}

/** A count's baseline and target may have a decimal (×1,10 of 15 is 16,5): shown as a number, not rounded to a count. */
function referenceUnit(indicator: IndicatorDefinition): IndicatorDefinition['unit'] {
  return indicator.unit === 'count' ? 'number' : indicator.unit;
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
