/**
 * The server sends `style-src 'self'` and `script-src 'self'` without
 * 'unsafe-inline'. Preact's `style={{…}}` would be allowed (CSSOM), but a
 * style ATTRIBUTE in markup, innerHTML, or an inline script or style in
 * index.html is blocked — so the app uses none of them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const APP = join(ROOT, 'src/app');

function files(dir: string, pattern = /\.(ts|tsx)$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

describe('nothing the Content-Security-Policy would block', () => {
  it('sets no style attribute and writes no HTML strings', () => {
    const offenders = files(APP).flatMap((file) => {
      const code = readFileSync(file, 'utf8');
      return [/\bstyle=/, /dangerouslySetInnerHTML/, /\.innerHTML\s*=/, /\.outerHTML\s*=/, /insertAdjacentHTML/, /setAttribute\(\s*['"]style['"]/]
        .filter((pattern) => pattern.test(code))
        .map((pattern) => `${relative(ROOT, file)}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it('styles only through stylesheets that a module beside them or a screen imports', () => {
    const imported = new Set(
      files(APP).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)].map((m) => join(dirname(file), m[1] as string)),
      ),
    );
    const orphans = files(APP, /\.css$/)
      .filter((sheet) => !imported.has(sheet))
      .map((sheet) => relative(ROOT, sheet));
    expect(orphans).toEqual([]);
  });

  it('has no inline script or style in index.html', () => {
    const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(script[1]).toMatch(/\bsrc=/);
      expect(script[2]?.trim()).toBe('');
    }
  });
});
