/**
 * The monitoring dashboard's part of the device store: the coordinator's
 * settings records (resident counts, 0-meting and targets, CBS context; domain:
 * monitoring-settings.ts) and the last figures fetched, kept on the device so
 * the dashboard opens offline and says how old they are. The code loads with
 * the dashboard (monitoring-write.ts), not with the first screen.
 */
import type { MonitoringAnswer } from '../domain/indicators.ts';
import type { CbsFigures } from '../domain/cbs-figures.ts';
import type { IndicatorTarget, ResidentCount } from '../domain/monitoring-settings.ts';
import type { Pc4Centre } from '../domain/pc4-places.ts';
import type { StoreCore } from './core.ts';

export type MonitoringSettings = {
  readonly residents: readonly ResidentCount[];
  readonly targets: ReadonlyMap<string, IndicatorTarget>;
  /** CBS context per buurt and CBS year (cbs-figures.ts). */
  readonly cbs: readonly CbsFigures[];
};
export type CbsFiguresInput = CbsFigures;
export type CachedFigures = { readonly answer: MonitoringAnswer; readonly savedAt: number };
export type TargetInput = Omit<IndicatorTarget, 'indicator'>;

export type MonitoringStore = {
  settings(): Promise<MonitoringSettings>;
  saveResidentCount(buurtId: string, year: number, count: number): Promise<void>;
  saveTarget(indicator: string, input: TargetInput): Promise<void>;
  saveCbsFigures(input: CbsFiguresInput): Promise<void>;
  /** Where each PC4 lies, from the located records with an address on this device: the reach map's circles. */
  pc4Places(): Promise<ReadonlyMap<string, Pc4Centre>>;
  /** The figures last fetched for a query (its key: `queryKey`), if any. */
  cached(key: string): Promise<CachedFigures | null>;
  cache(key: string, answer: MonitoringAnswer): Promise<void>;
  /** The query last looked at, so the dashboard reopens (offline too) where it was. */
  lastQuery(): Promise<Readonly<Record<string, string>> | null>;
};

export function monitoringStore(core: StoreCore): MonitoringStore {
  const code = core.lazy(() => import('./monitoring-write.ts'));
  return {
    settings: () => code((m) => m.readSettings(core)),
    saveResidentCount: (buurtId, year, count) => code((m) => m.saveResidentCount(core, buurtId, year, count)),
    saveTarget: (indicator, input) => code((m) => m.saveTarget(core, indicator, input)),
    saveCbsFigures: (input) => code((m) => m.saveCbsFigures(core, input)),
    pc4Places: () => code((m) => m.pc4Places(core)),
    cached: (key) => code((m) => m.cachedFigures(core, key)),
    cache: (key, answer) => code((m) => m.cacheFigures(core, key, answer)),
    lastQuery: () => code((m) => m.lastQuery(core)),
  };
}
