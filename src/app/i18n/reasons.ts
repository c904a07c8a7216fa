/**
 * The one place where a machine reason (src/domain/errors.ts) becomes text a
 * person reads: the message `reason.<reason>` (words in reasons/nl.ts and
 * reasons/en.ts). The type below makes a new reason fail typechecking here
 * until reasons/nl.ts has its words.
 */
import type { Reason } from '../../domain/errors.ts';
import type { CoreKey } from './core.ts';
import { isCoreKey, type T } from './translate.ts';

/** The reasons without words; must be none (checked by the compiler only: nothing of it ships). */
type Wordless = { [R in Reason]: `reason.${R}` extends CoreKey ? never : R }[Reason];
type MustBeTrue<T extends true> = T;
export type EveryReasonHasWords = MustBeTrue<[Wordless] extends [never] ? true : false>;

/** User text for a reason; an unknown value (from a newer server) reads as a server problem. */
export function reasonText(reason: Reason | string, t: T): string {
  const key = `reason.${reason}`;
  return t(isCoreKey(key) ? key : 'reason.internal');
}
