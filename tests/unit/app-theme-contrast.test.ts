/**
 * Both themes keep body text at 7:1 or more (issue 9: readable in sunlight,
 * and on a buurtpreventie round in the dark): read the colour variables of
 * styles.css for the light theme and the dark one, and check the pairs the
 * screens use.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/app/styles.css', import.meta.url), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] as string, (m[2] as string).toLowerCase()]));
}

function blockAfter(selector: string): string {
  // The formatter writes attribute values in double quotes; the selector may name them either way.
  const start = Math.max(css.indexOf(`${selector} {`), css.indexOf(`${selector.replaceAll("'", '"')} {`));
  if (start < 0) throw new Error(`no ${selector} in styles.css`);
  return css.slice(start, css.indexOf('}', start));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const light = variables(blockAfter(':root'));
const dark = variables(blockAfter(":root[data-theme='dark']"));
const system = variables(blockAfter(":root:not([data-theme='light'])"));

/** Text colour on background, as the screens pair them. */
const PAIRS: Array<[string, string]> = [
  ['ink', 'paper'],
  ['ink', 'page'],
  ['ink-muted', 'paper'],
  ['ink-muted', 'page'],
  ['green', 'paper'],
  ['green', 'page'],
  ['on-fill', 'green-fill'],
  ['on-fill', 'header'],
  ['green-dark', 'green-soft'],
  ['amber-ink', 'amber-soft'],
  ['red', 'paper'],
  ['red-ink', 'red-soft'],
  ['on-fill', 'red-fill'],
];

describe('the colours of both themes', () => {
  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('keep every text pair at 7:1 or more in the %s theme', (_name, vars) => {
    for (const [text, background] of PAIRS) {
      const ratio = contrast(vars[text] as string, vars[background] as string);
      expect({ pair: `${text} on ${background}`, ok: ratio >= 7 }).toEqual({ pair: `${text} on ${background}`, ok: true });
    }
  });

  it('gives the system dark theme the same colours as the chosen one', () => {
    expect(system).toEqual(dark);
    expect(Object.keys(dark).sort()).toEqual(
      Object.keys(light)
        .filter((k) => k in dark)
        .sort(),
    );
  });

  it('tells text and surface apart: green text differs from the green under white text in the dark', () => {
    expect(dark['green']).not.toBe(dark['green-fill']);
  });
});
