/**
 * How much room others' photos may take on this phone (issue 13): the
 * person's choice in Instellingen, or automatically 200 MB or a tenth of
 * the quota the browser grants, whichever is smaller. Past it the store
 * evicts the least recently shown (src/store/photos.ts); this phone's own
 * photos never count and never go.
 */
import { getSetting, setSetting, storageInfo } from '../../store/settings.ts';

export const MB = 1_000_000;
/** The automatic budget's ceiling. */
export const DEFAULT_PHOTO_BUDGET_MB = 200;
/** The automatic budget's share of the browser's quota. */
export const QUOTA_SHARE = 0.1;
/** What Instellingen offers besides automatic. */
export const PHOTO_BUDGET_CHOICES_MB = [20, 50, 100, 200, 500] as const;

/** The budget in bytes: the chosen MB, else min(200 MB, a tenth of the quota when the browser says). */
export function photoBudgetBytes(chosenMb: number | undefined, quota: number | undefined): number {
  if (chosenMb !== undefined && chosenMb > 0) return chosenMb * MB;
  const ceiling = DEFAULT_PHOTO_BUDGET_MB * MB;
  return quota !== undefined && quota > 0 ? Math.min(ceiling, Math.floor(quota * QUOTA_SHARE)) : ceiling;
}

let current: Promise<number> | null = null;

/** The budget now (read once, until the choice changes). */
export function currentPhotoBudget(): Promise<number> {
  current ??= Promise.all([getSetting('photoBudgetMb').catch(() => undefined), storageInfo()]).then(([chosen, info]) => photoBudgetBytes(chosen, info.quota));
  return current;
}

/** The person's choice in MB, or 0 for automatic. */
export async function chosenPhotoBudgetMb(): Promise<number> {
  return (await getSetting('photoBudgetMb').catch(() => undefined)) ?? 0;
}

/** Keep a new choice (0: automatic); resolves to the budget in bytes it makes. */
export async function choosePhotoBudget(mb: number): Promise<number> {
  await setSetting('photoBudgetMb', mb);
  current = null;
  return currentPhotoBudget();
}
