/**
 * Limits against filling the disk or starving other tenants (issue 10,
 * item 1), with their defaults. Each is configurable through the
 * environment (env.ts; README "Configuration").
 *
 * - Bytes received in pushes and photo uploads (refused ones too: junk costs
 *   the server as much), per device and per tenant, in a sliding window: over a limit the server answers 429
 *   `quota-exceeded` with `Retry-After`, and the phone keeps everything and
 *   tries again later.
 * - Stored rejected mutations per device and per tenant: past the cap a
 *   rejection is still answered, but no longer kept.
 * - Photos no record has shown for `photoRetentionMs` are purged (purge.ts).
 */
const MIB = 1024 * 1024;
const MINUTE = 60_000;

export type Limits = {
  /** The sliding window of the byte limits. */
  readonly windowMs: number;
  readonly pushBytesPerDevice: number;
  readonly pushBytesPerTenant: number;
  readonly photoBytesPerDevice: number;
  readonly photoBytesPerTenant: number;
  readonly rejectionsPerDevice: number;
  readonly rejectionsPerTenant: number;
  /** How long a photo no record shows is kept (from its upload, or from when the last record stopped showing it). */
  readonly photoRetentionMs: number;
};

/**
 * A phone's real work fits with room to spare: a week offline is one or two
 * MiB of changes; 20 MiB is ~50 processed photos (≤ 400 KB each) per ten
 * minutes — a long schouw's photos go up within the half hour, the phone
 * waiting in between. Short windows keep a flood short too: the bench
 * (`npm run bench`, section 6) checks another tenant's push latency stays
 * within twice its baseline while one device floods.
 */
export const DEFAULT_LIMITS: Limits = {
  windowMs: 10 * MINUTE,
  pushBytesPerDevice: 5 * MIB,
  pushBytesPerTenant: 50 * MIB,
  photoBytesPerDevice: 20 * MIB,
  photoBytesPerTenant: 200 * MIB,
  rejectionsPerDevice: 1_000,
  rejectionsPerTenant: 20_000,
  photoRetentionMs: 7 * 24 * 60 * MINUTE,
};

/** The environment variables of each limit, and the unit they are given in. */
const SETTINGS: ReadonlyArray<{ name: string; key: keyof Limits; unit: number }> = [
  { name: 'LIMIT_WINDOW_MINUTES', key: 'windowMs', unit: MINUTE },
  { name: 'LIMIT_PUSH_MB_PER_DEVICE', key: 'pushBytesPerDevice', unit: MIB },
  { name: 'LIMIT_PUSH_MB_PER_TENANT', key: 'pushBytesPerTenant', unit: MIB },
  { name: 'LIMIT_PHOTO_MB_PER_DEVICE', key: 'photoBytesPerDevice', unit: MIB },
  { name: 'LIMIT_PHOTO_MB_PER_TENANT', key: 'photoBytesPerTenant', unit: MIB },
  { name: 'LIMIT_REJECTIONS_PER_DEVICE', key: 'rejectionsPerDevice', unit: 1 },
  { name: 'LIMIT_REJECTIONS_PER_TENANT', key: 'rejectionsPerTenant', unit: 1 },
  { name: 'PHOTO_PURGE_DAYS', key: 'photoRetentionMs', unit: 24 * 60 * MINUTE },
];

/** The limits the environment sets, the defaults for the rest; throws on a value that is not a positive number. */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Limits {
  const limits: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const { name, key, unit } of SETTINGS) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
    limits[key] = Math.round(value * unit);
  }
  return limits as Limits;
}
