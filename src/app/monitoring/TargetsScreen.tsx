import { useState } from 'preact/hooks';
import { targetFor } from '../../domain/indicators.ts';
import { INDICATORS, indicatorByKey } from '../../domain/indicators-registry.ts';
import { useApp } from '../context.ts';
import { localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { latestCbsFigures } from '../../domain/cbs-figures.ts';
import { CbsSettings } from './CbsSettings.tsx';
import { formatValue, parseNumber } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { monitoringHref } from './routes.ts';
import '../ui/ui.css';
import './monitoring.css';

/** `#/monitoring/doelen` (coordinator): the 0-meting and target per indicator, and the residents per buurt and year — synced records. */
export function TargetsScreen() {
  const { principal, store, api, announce, lang, config, now } = useApp();
  const t = useT(monitoringPack);
  const settings = useLive((s) => s.monitoring.settings(), []);
  const today = localDate(now());
  const [indicatorKey, setIndicatorKey] = useState(INDICATORS[0]?.key ?? '');
  const indicator = indicatorByKey(indicatorKey) ?? INDICATORS[0];
  const current = settings?.targets.get(indicatorKey);
  const [draft, setDraft] = useState<{ key: string; baseline: string; factor: string; points: string; from: string | null; to: string | null } | null>(null);
  const [range, setRange] = useState({ from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: `${Number(today.slice(0, 4)) - 1}-12-31` });
  const [problem, setProblem] = useState<string | null>(null);
  const [residents, setResidents] = useState({ buurtId: config.buurten[0]?.id ?? '', year: today.slice(0, 4), count: '' });
  const [residentsProblem, setResidentsProblem] = useState<string | null>(null);

  if (principal.role !== 'coordinator' || indicator === undefined) {
    return (
      <>
        <ScreenTitle>{t('targets.title')}</ScreenTitle>
        <p>{t('targets.coordinatorOnly')}</p>
      </>
    );
  }
  const shown =
    draft?.key === indicatorKey
      ? draft
      : {
          key: indicatorKey,
          baseline: current ? String(current.baseline).replace('.', lang === 'nl' ? ',' : '.') : '',
          factor: current?.targetFactor == null ? '' : String(current.targetFactor).replace('.', lang === 'nl' ? ',' : '.'),
          points: current?.targetPoints == null ? '' : String(current.targetPoints).replace('.', lang === 'nl' ? ',' : '.'),
          from: current?.baselineFrom ?? null,
          to: current?.baselineTo ?? null,
        };
  const edit = (patch: Partial<typeof shown>) => setDraft({ ...shown, ...patch });
  const isPercent = indicator.unit === 'percent';
  const baseline = parseNumber(shown.baseline);
  const factor = parseNumber(shown.factor);
  const points = parseNumber(shown.points);
  const isValid = (n: number | null) => n === null || (Number.isFinite(n) && n >= 0);
  const preview =
    baseline !== null && isValid(baseline) && isValid(factor) && isValid(points)
      ? targetFor(indicator, { baseline, targetFactor: isPercent ? null : factor, targetPoints: isPercent ? points : null })
      : null;

  async function compute() {
    setProblem(null);
    try {
      const answer = await (await api()).monitoring({ period: 'custom', from: range.from, to: range.to });
      const value = answer.indicators.find((i) => i.key === indicatorKey)?.value ?? null;
      if (value === null) return;
      edit({ baseline: String(value).replace('.', lang === 'nl' ? ',' : '.'), from: range.from, to: range.to });
      announce(t('targets.computed', { value: formatValue(t, lang, indicator?.unit ?? 'count', value) }));
    } catch {
      setProblem(t('targets.computeFailed'));
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    if (baseline === null || !isValid(baseline) || !isValid(factor) || !isValid(points)) {
      setProblem(t('targets.invalid'));
      return;
    }
    setProblem(null);
    await store.monitoring.saveTarget(indicatorKey, {
      baseline,
      baselineFrom: shown.from,
      baselineTo: shown.to,
      targetFactor: isPercent ? null : factor,
      targetPoints: isPercent ? points : null,
    });
    setDraft(null);
    announce(t('targets.saved'));
  }

  // No count typed for this buurt and year, but CBS counted its residents: offered, never filled in unasked.
  const residentsYear = Number(residents.year);
  const cbsOffer =
    settings === undefined || settings.residents.some((r) => r.buurtId === residents.buurtId && r.year === residentsYear)
      ? null
      : latestCbsFigures(settings.cbs, residents.buurtId, residentsYear);

  async function saveResidents(event: Event) {
    event.preventDefault();
    const count = parseNumber(residents.count);
    const year = Number(residents.year);
    if (count === null || !Number.isInteger(count) || count < 0 || !Number.isInteger(year) || residents.buurtId === '') {
      setResidentsProblem(t('targets.invalid'));
      return;
    }
    setResidentsProblem(null);
    await store.monitoring.saveResidentCount(residents.buurtId, year, count);
    setResidents({ ...residents, count: '' });
    announce(t('targets.residentsSaved'));
  }

  return (
    <>
      <ScreenTitle>{t('targets.title')}</ScreenTitle>
      <p>
        <a class="button" href={monitoringHref({ name: 'dashboard' })}>
          {t('targets.back')}
        </a>
      </p>
      <section aria-labelledby="targets-baseline" class="monitoring-group">
        <h2 id="targets-baseline">{t('targets.baselineTitle')}</h2>
        <form class="form" onSubmit={save} noValidate>
          <div class="field">
            <label for="targets-indicator">{t('targets.indicator')}</label>
            <select id="targets-indicator" value={indicatorKey} onChange={(e) => setIndicatorKey(e.currentTarget.value)}>
              {INDICATORS.map((item) => (
                <option key={item.key} value={item.key}>
                  {t(`indicator.${item.key}` as 'indicator.participants')}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="targets-baseline-value">{t('targets.baseline')}</label>
            <input
              id="targets-baseline-value"
              type="text"
              inputMode="decimal"
              value={shown.baseline}
              onInput={(e) => edit({ baseline: e.currentTarget.value, from: null, to: null })}
            />
          </div>
          <fieldset class="fieldset targets-compute">
            <legend>{t('targets.computeHint')}</legend>
            <div class="field">
              <label for="targets-from">{t('monitoring.from')}</label>
              <input id="targets-from" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.currentTarget.value })} />
            </div>
            <div class="field">
              <label for="targets-to">{t('monitoring.to')}</label>
              <input id="targets-to" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.currentTarget.value })} />
            </div>
            <button type="button" class="button" onClick={() => void compute()}>
              {t('targets.compute')}
            </button>
          </fieldset>
          {isPercent ? (
            <div class="field">
              <label for="targets-points">{t('targets.points')}</label>
              <input
                id="targets-points"
                type="text"
                inputMode="decimal"
                aria-describedby="targets-points-hint"
                value={shown.points}
                onInput={(e) => edit({ points: e.currentTarget.value })}
              />
              <p id="targets-points-hint" class="field-hint">
                {t('targets.pointsHint')}
              </p>
            </div>
          ) : (
            <div class="field">
              <label for="targets-factor">{t('targets.factor')}</label>
              <input
                id="targets-factor"
                type="text"
                inputMode="decimal"
                aria-describedby="targets-factor-hint"
                value={shown.factor}
                onInput={(e) => edit({ factor: e.currentTarget.value })}
              />
              <p id="targets-factor-hint" class="field-hint">
                {t('targets.factorHint')}
              </p>
            </div>
          )}
          <p aria-live="polite">
            {preview !== null && t('targets.preview', { target: formatValue(t, lang, indicator.unit === 'count' ? 'number' : indicator.unit, preview) })}
          </p>
          {problem && (
            <p class="field-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" class="button button-primary">
            {t('targets.save')}
          </button>
        </form>
      </section>
      <section aria-labelledby="targets-residents" class="monitoring-group">
        <h2 id="targets-residents">{t('targets.residentsTitle')}</h2>
        <p class="field-hint">{t('targets.residentsHint')}</p>
        <form class="form" onSubmit={saveResidents} noValidate>
          <div class="field">
            <label for="residents-buurt">{t('monitoring.buurt')}</label>
            <select id="residents-buurt" value={residents.buurtId} onChange={(e) => setResidents({ ...residents, buurtId: e.currentTarget.value })}>
              {config.buurten.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="residents-year">{t('targets.year')}</label>
            <input
              id="residents-year"
              type="text"
              inputMode="numeric"
              value={residents.year}
              onInput={(e) => setResidents({ ...residents, year: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="residents-count">{t('targets.residents')}</label>
            <input
              id="residents-count"
              type="text"
              inputMode="numeric"
              value={residents.count}
              onInput={(e) => setResidents({ ...residents, count: e.currentTarget.value })}
            />
          </div>
          {cbsOffer !== null && cbsOffer.residents !== null && (
            <button type="button" class="button" onClick={() => setResidents({ ...residents, count: String(cbsOffer.residents) })}>
              {t('cbs.offerResidents', { count: formatValue(t, lang, 'count', cbsOffer.residents), year: cbsOffer.year })}
            </button>
          )}
          {residentsProblem && (
            <p class="field-error" role="alert">
              {residentsProblem}
            </p>
          )}
          <button type="submit" class="button button-primary">
            {t('targets.save')}
          </button>
        </form>
        {settings && settings.residents.length === 0 ? (
          <p class="muted">{t('targets.noResidents')}</p>
        ) : (
          <table class="monitoring-table residents-table">
            <thead>
              <tr>
                <th scope="col">{t('monitoring.buurt')}</th>
                <th scope="col">{t('targets.year')}</th>
                <th scope="col">{t('targets.residents')}</th>
              </tr>
            </thead>
            <tbody>
              {[...(settings?.residents ?? [])]
                .sort((a, b) => b.year - a.year || a.buurtId.localeCompare(b.buurtId))
                .map((r) => (
                  <tr key={`${r.buurtId}-${r.year}`}>
                    <td>{buurtName(t, config, r.buurtId)}</td>
                    <td>{r.year}</td>
                    <td>{formatValue(t, lang, 'count', r.count)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </section>
      <CbsSettings saved={settings?.cbs} year={Number(today.slice(0, 4))} />
    </>
  );
}
