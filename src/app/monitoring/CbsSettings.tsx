import { useState } from 'preact/hooks';
import { CBS_FIGURES, matchCbsRows, parseCbsKerncijfers, type CbsFigure, type CbsFigures, type CbsParse } from '../../domain/cbs-figures.ts';
import { visible } from '../../domain/tenant-config.ts';
import { useApp } from '../context.ts';
import { buurtName } from '../i18n/labels.ts';
import { useT } from '../i18n/use-t.ts';
import { cbsProblemText } from './cbs-logic.ts';
import { parseNumber } from './logic.ts';
import { monitoringPack } from './pack.ts';
import { CbsTable } from './CbsTable.tsx';

type Read = { readonly file: string; readonly parsed: CbsParse };

/**
 * The targets screen's CBS part (coordinator): import the CBS table
 * "Kerncijfers wijken en buurten" as downloaded from StatLine, see which
 * buurten it found and what it could not use, and save one record per
 * buurt and CBS year; or type the figures in. The figures saved, below.
 */
export function CbsSettings({ saved, year: defaultYear }: { saved: readonly CbsFigures[] | undefined; year: number }) {
  const { store, announce, config } = useApp();
  const t = useT(monitoringPack);
  const [year, setYear] = useState(String(defaultYear - 2));
  const [read, setRead] = useState<Read | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const buurten = visible(config.buurten);
  const matches = read === null ? [] : matchCbsRows(buurten, read.parsed);
  const found = matches.flatMap((m) => (m.row === null ? [] : [m]));

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setProblem(null);
    try {
      const parsed = parseCbsKerncijfers(await file.text());
      setRead({ file: file.name, parsed });
      // The table's own year, when it says it (a Perioden column).
      const ownYear = [...parsed.rows.values()].find((row) => row.year !== null)?.year;
      if (ownYear) setYear(String(ownYear));
      announce(t('cbs.reading', { file: file.name }));
    } catch {
      setRead(null);
      setProblem(t('cbs.readFailed'));
    }
  }

  async function save() {
    const cbsYear = Number(year);
    if (!Number.isInteger(cbsYear) || cbsYear < 2000 || cbsYear > 2100) {
      setProblem(t('cbs.yearInvalid'));
      return;
    }
    if (found.length === 0) {
      setProblem(t('cbs.nothingToImport'));
      return;
    }
    setProblem(null);
    for (const match of found) {
      await store.monitoring.saveCbsFigures({ buurtId: match.buurtId, year: cbsYear, cbsCode: match.code, source: 'import', ...match.row.figures });
    }
    setRead(null);
    announce(t('cbs.imported', { count: found.length }));
  }

  return (
    <section aria-labelledby="cbs-title" class="monitoring-group">
      <h2 id="cbs-title">{t('cbs.title')}</h2>
      <p class="field-hint">{t('cbs.hint')}</p>
      <div class="form">
        <div class="field">
          <label for="cbs-year">{t('cbs.year')}</label>
          <input id="cbs-year" type="text" inputMode="numeric" aria-describedby="cbs-year-hint" value={year} onInput={(e) => setYear(e.currentTarget.value)} />
          <p id="cbs-year-hint" class="field-hint">
            {t('cbs.yearHint')}
          </p>
        </div>
        <label class="button cbs-file">
          <input type="file" accept=".csv,text/csv" class="visually-hidden" onChange={(e) => void choose(e.currentTarget)} />
          {t('cbs.file')}
        </label>
        {read !== null && <ImportPreview read={read} matches={matches} />}
        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        {read !== null && found.length > 0 && (
          <button type="button" class="button button-primary" onClick={() => void save()}>
            {t('cbs.import', { count: found.length })}
          </button>
        )}
      </div>
      <TypedCbsFigures year={year} />
      <h3>{t('cbs.stored')}</h3>
      {saved?.length === 0 ? (
        <p class="muted">{t('cbs.none')}</p>
      ) : (
        <CbsTable rows={[...(saved ?? [])].sort((a, b) => b.year - a.year || a.buurtId.localeCompare(b.buurtId))} label={t('cbs.stored')} />
      )}
    </section>
  );
}

function ImportPreview({ read, matches }: { read: Read; matches: ReturnType<typeof matchCbsRows> }) {
  const { config } = useApp();
  const t = useT(monitoringPack);
  const { parsed } = read;
  const found = matches.filter((m) => m.row !== null).length;
  return (
    <div class="cbs-preview" data-testid="cbs-preview">
      <p>{t('cbs.reading', { file: read.file })}</p>
      {parsed.columns.length > 0 && (
        <>
          <p>{t('cbs.summary', { found, buurten: matches.length, skipped: parsed.otherAreas, notAreas: parsed.notAreas })}</p>
          <p>{t('cbs.columns', { columns: parsed.columns.map((column) => t(`cbs.column.${column}`)).join(', ') })}</p>
          <ul class="cbs-matches">
            {matches.map((m) => (
              <li key={m.buurtId}>
                {m.code === null
                  ? t('cbs.noCode', { buurt: buurtName(t, config, m.buurtId) })
                  : m.row === null
                    ? t('cbs.notInFile', { buurt: buurtName(t, config, m.buurtId), code: m.code })
                    : t('cbs.found', { buurt: buurtName(t, config, m.buurtId), code: m.code, line: m.row.line })}
              </li>
            ))}
          </ul>
        </>
      )}
      {parsed.problems.length > 0 && (
        <>
          <h3>{t('cbs.problems')}</h3>
          <ul class="cbs-problems">
            {parsed.problems.map((problem) => (
              <li key={JSON.stringify(problem)}>{cbsProblemText(t, problem)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const UNIT_HINT: Readonly<Record<CbsFigure, 'cbs.inEuro' | 'cbs.inPercent' | null>> = {
  residents: null,
  households: null,
  averageIncome: 'cbs.inEuro',
  share65Plus: 'cbs.inPercent',
  averageWoz: 'cbs.inEuro',
};

const EMPTY: Readonly<Record<CbsFigure, string>> = { residents: '', households: '', averageIncome: '', share65Plus: '', averageWoz: '' };

/** The same figures typed in for one buurt and CBS year (source "typed"); empty fields stay unknown. */
function TypedCbsFigures({ year }: { year: string }) {
  const { store, announce, config } = useApp();
  const t = useT(monitoringPack);
  const buurten = visible(config.buurten);
  const [buurtId, setBuurtId] = useState(buurten[0]?.id ?? '');
  const [values, setValues] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    const cbsYear = Number(year);
    const numbers = Object.fromEntries(CBS_FIGURES.map((figure) => [figure, parseNumber(values[figure])])) as Record<CbsFigure, number | null>;
    const isValid = (figure: CbsFigure, n: number | null) =>
      n === null ||
      (Number.isFinite(n) &&
        n >= 0 &&
        (figure === 'share65Plus' ? n <= 100 : true) &&
        (figure === 'residents' || figure === 'households' ? Number.isInteger(n) : true));
    if (!Number.isInteger(cbsYear) || cbsYear < 2000 || cbsYear > 2100) {
      setProblem(t('cbs.yearInvalid'));
      return;
    }
    if (buurtId === '' || CBS_FIGURES.some((figure) => !isValid(figure, numbers[figure]))) {
      setProblem(t('cbs.typedInvalid'));
      return;
    }
    setProblem(null);
    const cbsCode = buurten.find((b) => b.id === buurtId)?.cbsCode ?? null;
    await store.monitoring.saveCbsFigures({ buurtId, year: cbsYear, cbsCode, source: 'typed', ...numbers });
    setValues(EMPTY);
    announce(t('cbs.typedSaved'));
  }

  return (
    <form class="form cbs-typed" onSubmit={save} noValidate>
      <h3>{t('cbs.typedTitle')}</h3>
      <div class="field">
        <label for="cbs-typed-buurt">{t('monitoring.buurt')}</label>
        <select id="cbs-typed-buurt" value={buurtId} onChange={(e) => setBuurtId(e.currentTarget.value)}>
          {buurten.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      {CBS_FIGURES.map((figure) => (
        <div class="field" key={figure}>
          <label for={`cbs-typed-${figure}`}>{t(`cbs.figure.${figure}`)}</label>
          <input
            id={`cbs-typed-${figure}`}
            type="text"
            inputMode="decimal"
            aria-describedby={UNIT_HINT[figure] ? `cbs-typed-${figure}-hint` : undefined}
            value={values[figure]}
            onInput={(e) => setValues({ ...values, [figure]: e.currentTarget.value })}
          />
          {UNIT_HINT[figure] && (
            <p id={`cbs-typed-${figure}-hint`} class="field-hint">
              {t(UNIT_HINT[figure])}
            </p>
          )}
        </div>
      ))}
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" class="button button-primary">
        {t('targets.save')}
      </button>
    </form>
  );
}
