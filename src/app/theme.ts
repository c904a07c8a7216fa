/**
 * Light, dark or the system's choice (prefers-color-scheme). The choice is
 * kept in the device settings (idb-keyval) like the language, with a copy in
 * localStorage that main.tsx reads synchronously, so the first paint already
 * has the chosen colours (no white flash at night).
 */
import { getSetting, setSetting, type Theme } from '../store/settings.ts';

export type { Theme };
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
const MIRROR = 'buurtlog:theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

/** Put the theme on <html data-theme>: absent means "follow the system" (styles.css). */
export function applyTheme(doc: Document, theme: Theme, storage: Storage | undefined): void {
  if (theme === 'system') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
  try {
    storage?.setItem(MIRROR, theme);
  } catch {
    // A full or blocked localStorage only costs the first paint's colours.
  }
}

/** The theme shown now (from <html data-theme>). */
export function currentTheme(doc: Document): Theme {
  const theme = doc.documentElement.dataset.theme;
  return isTheme(theme) ? theme : 'system';
}

/** Before the first paint: the localStorage copy, synchronously. */
export function applyMirroredTheme(doc: Document, storage: Storage | undefined): void {
  let theme: string | null = null;
  try {
    theme = storage?.getItem(MIRROR) ?? null;
  } catch {
    theme = null;
  }
  if (isTheme(theme)) applyTheme(doc, theme, undefined);
}

/** After start-up: the kept setting wins (the copy may be gone when site data was partly cleared). */
export async function applySavedTheme(doc: Document, storage: Storage | undefined): Promise<void> {
  const theme = await getSetting('theme').catch(() => undefined);
  if (isTheme(theme)) applyTheme(doc, theme, storage);
}

export async function chooseTheme(doc: Document, theme: Theme, storage: Storage | undefined): Promise<void> {
  applyTheme(doc, theme, storage);
  await setSetting('theme', theme);
}
