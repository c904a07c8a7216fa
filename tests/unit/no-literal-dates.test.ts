import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No test may depend on today's date. A test that types a fixed date into a
 * form passes until that date is in the past (or the future) and then fails
 * on every clone: `fill('2026-12-03')` under "Komend" broke CI on 4 December
 * 2026. So:
 *
 * - the end-to-end tests and the benchmark drive the real app and server on
 *   the machine's clock: they hold no literal calendar date at all, only
 *   dates computed from now (`daysFromToday(3)`);
 * - no test anywhere types a literal date into a form (`fill`, `type`,
 *   `pressSequentially`, an input event's `target.value`).
 *
 * Fixed dates stay fine where the code under test gets its "today" or clock
 * injected (`selectActivities(…, { today: '2026-11-22' })`, `manualClock`,
 * the factories in tests/fixtures).
 */

const ROOT = join(import.meta.dirname, '..', '..');
/** Tests that run against the machine's clock: every date in them must come from now. */
const REAL_CLOCK_DIRS = ['tests/e2e', 'tests/bench'];
const DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const ANY_LITERAL_DATE = new RegExp(String.raw`['"\`]${DATE}|new Date\(\s*['"\`\d]|Date\.(?:UTC|parse)\(`);
// The arguments may hold one level of calls (`user.type(screen.getByLabelText('Datum'), '2026-12-03')`)
// and cross line ends (the formatter may put the date on a line of its own).
const TYPED_DATE = new RegExp(String.raw`\.(?:fill|type|pressSequentially)\((?:[^()]|\([^()]*\))*?['"\`]${DATE}|target:\s*\{\s*value:\s*['"\`]${DATE}`, 'g');

type Finding = { file: string; line: number; text: string; why: string };

/** The lines of one test file that make it depend on today's date. */
function literalDates(file: string, source: string): Finding[] {
  const lines = source.split('\n');
  const at = (line: number, why: string): Finding => ({ file, line, text: (lines[line - 1] ?? '').trim(), why });
  const typed = [...source.matchAll(TYPED_DATE)].map((match) => at(source.slice(0, match.index).split('\n').length, 'a literal date typed into a form'));
  if (!REAL_CLOCK_DIRS.some((dir) => file.startsWith(`${dir}/`))) return typed;
  const seen = new Set(typed.map((finding) => finding.line));
  const anywhere = lines.flatMap((text, index) =>
    ANY_LITERAL_DATE.test(text) && !seen.has(index + 1) ? [at(index + 1, 'a literal date in a test on the real clock')] : [],
  );
  return [...typed, ...anywhere].sort((a, b) => a.line - b.line);
}

function testFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('tests/fixtures/pdok/') && file !== 'tests/unit/no-literal-dates.test.ts');
}

describe('tests and the calendar', () => {
  it('type no literal date into a form, and hold none where they run on the machine clock', () => {
    const files = testFiles('tests');
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => literalDates(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.why}: ${f.text}`)).toEqual([]);
  });

  it('catch the date that broke CI, and leave injected clocks and computed dates alone', () => {
    const broke = "    await phone.page.getByLabel('Datum', { exact: true }).fill('2026-12-03');";
    expect(literalDates('tests/e2e/update-prompt.test.ts', broke)).toMatchObject([{ line: 1, why: 'a literal date typed into a form' }]);
    expect(literalDates('tests/unit/form.test.tsx', "render();\nawait user.type(\n  screen.getByLabelText('Datum'),\n  '2026-12-03',\n);")).toMatchObject([
      { line: 2 },
    ]);
    expect(literalDates('tests/unit/form.test.tsx', "fireEvent.input(date, { target: { value: '2026-12-03' } });")).toHaveLength(1);
    expect(literalDates('tests/e2e/sync.test.ts', "const when = { date: '2026-12-03' };")).toHaveLength(1);
    expect(literalDates('tests/bench/run.ts', 'const start = new Date(2026, 11, 3).getTime();')).toHaveLength(1);

    expect(literalDates('tests/e2e/update-prompt.test.ts', 'await field.fill(daysFromToday(3));')).toEqual([]);
    expect(
      literalDates('tests/unit/app-activity-list.test.tsx', "selectActivities(ACTIVITIES, { today: '2026-11-22', when: 'upcoming', buurt: null })"),
    ).toEqual([]);
    expect(literalDates('tests/fixtures/factories.ts', "    date: '2025-06-21',")).toEqual([]);
  });
});
