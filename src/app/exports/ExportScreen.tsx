import { useMemo, useState } from 'preact/hooks';
import { periodRange, type DayRange, type PeriodKind } from '../../domain/indicators.ts';
import { useApp } from '../context.ts';
import { formatDate, localDate } from '../format.ts';
import { useLive } from '../hooks.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { attendancePack } from '../attendance/pack.ts';
import { patrolPack } from '../patrol/pack.ts';
import { findingsPack } from '../schouw/pack.ts';
import { monitoringPack } from '../monitoring/pack.ts';
import { PeriodFields } from '../monitoring/PeriodFields.tsx';
import { downloadFile } from '../ui/download.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { exportCsv, type ExportContext } from './export-csv.ts';
import { exportCounts, exportKindsFor, selectForExport, type ExportKind } from './export-data.ts';
import { exportFileName } from './export-files.ts';
import { GEOJSON_TYPE, locatedGeoJson } from './export-geojson.ts';
import { exportsPack } from './pack.ts';
import '../ui/ui.css';
import './exports.css';

const CSV_TYPE = 'text/csv;charset=utf-8';

type Period = { readonly kind: PeriodKind; readonly from: string; readonly to: string };

function rangeOf(period: Period): DayRange {
  if (period.kind !== 'custom') return periodRange(period.kind, period.from);
  return period.from <= period.to ? { from: period.from, to: period.to } : { from: period.to, to: period.from };
}

/**
 * `#/monitoring/exporteren`: a CSV file per record type the person may read
 * and one GeoJSON file of the located records, for a period and a buurt,
 * made from what this device holds (offline too; README "Exports": a
 * device holds everything its person may read, so no server call is
 * needed and no record leaves for it).
 */
export function ExportScreen({ backHref }: { backHref: string }) {
  const { config, lang, principal, platform, announce, now } = useApp();
  const t = useT(exportsPack, monitoringPack, findingsPack, patrolPack, attendancePack);
  const today = localDate(now());
  const [period, setPeriod] = useState<Period>({ kind: 'quarter', from: today, to: today });
  const [buurtId, setBuurtId] = useState('');
  const snapshot = useLive((s) => s.exports.snapshot(), []);
  const range = rangeOf(period);
  const selection = useMemo(
    () => (snapshot === undefined ? null : selectForExport(snapshot, principal, { range, buurtId: buurtId || null })),
    [snapshot, principal, range.from, range.to, buurtId],
  );
  const kinds = exportKindsFor(principal);
  const counts = selection === null ? null : exportCounts(selection);
  const ctx: ExportContext | null = snapshot === undefined ? null : { t, config, snapshot };
  const located = ctx !== null && selection !== null ? locatedGeoJson(ctx, selection) : null;
  const buurtForFile = buurtId ? buurtName(t, config, buurtId) : null;

  const save = (make: () => string, fileName: string, type: string) => {
    try {
      downloadFile(platform.document, make(), fileName, type);
      announce(t('exports.downloaded', { file: fileName }));
    } catch (error) {
      console.error('export failed', error);
      announce(t('exports.downloadFailed'));
    }
  };
  const downloadCsv = (kind: ExportKind) => {
    if (ctx === null || selection === null) return;
    save(() => exportCsv(ctx, kind, selection), exportFileName(kind, range, buurtForFile), CSV_TYPE);
  };
  const downloadGeoJson = () => {
    if (located === null) return;
    save(() => JSON.stringify(located, null, 2), exportFileName('places', range, buurtForFile), GEOJSON_TYPE);
  };
  const plural = (base: 'exports.rows' | 'exports.places', count: number) => t(`${base}.${count === 1 ? 'one' : 'other'}`, { count });

  return (
    <>
      <ScreenTitle>{t('exports.title')}</ScreenTitle>
      <p class="muted">{t('exports.intro')}</p>
      <fieldset class="fieldset export-filters">
        <legend>{t('exports.filters')}</legend>
        <PeriodFields
          id="export"
          value={{ period: period.kind, from: period.from, to: period.to, buurtId }}
          onChange={({ buurtId: buurt, period: kind, ...dates }) => {
            if (buurt !== undefined) setBuurtId(buurt);
            setPeriod((current) => ({ ...current, ...dates, ...(kind === undefined ? {} : { kind }) }));
          }}
        />
      </fieldset>
      <p class="export-period" data-testid="export-period">
        <strong>{t('exports.showing', { from: formatDate(lang, range.from), to: formatDate(lang, range.to) })}</strong>
        {buurtForFile && ` · ${buurtForFile}`}
      </p>

      <section aria-labelledby="export-csv" class="export-section">
        <h2 id="export-csv">{t('exports.csvHeading')}</h2>
        <ul class="export-list">
          {kinds.map((kind) => (
            <li key={kind} class="export-item" data-kind={kind}>
              <span class="export-name">
                <strong>{t(`exports.kind.${kind}`)}</strong>
                <span class="muted" data-testid={`export-count-${kind}`}>
                  {counts === null ? t('exports.loading') : plural('exports.rows', counts[kind])}
                </span>
              </span>
              <button
                type="button"
                class="button"
                disabled={counts === null}
                aria-label={t('exports.downloadCsvOf', { kind: t(`exports.kind.${kind}`) })}
                onClick={() => downloadCsv(kind)}
              >
                {t('exports.downloadCsv')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="export-map" class="export-section">
        <h2 id="export-map">{t('exports.mapHeading')}</h2>
        <p class="muted">{t('exports.mapText')}</p>
        <div class="export-item">
          <span class="export-name" data-testid="export-count-places">
            {located === null ? t('exports.loading') : plural('exports.places', located.features.length)}
          </span>
          <button type="button" class="button" disabled={located === null} onClick={downloadGeoJson}>
            {t('exports.downloadGeoJson')}
          </button>
        </div>
      </section>

      <p class="muted export-source">{t('exports.source')}</p>
      <p>
        <a class="button" href={backHref}>
          {t('exports.back')}
        </a>
      </p>
    </>
  );
}
