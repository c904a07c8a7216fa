/**
 * What the sign-in, invite and privacy screens need. They run both before
 * the app exists (the start gate: no store, no app context) and inside it
 * (signing in again after a session ran out), so they take this instead of
 * reading the app context. Their words come from `useT(accountPack)`, which
 * works in both.
 */
import type { AccountApi } from '../../sync/account-api.ts';
import type { Lang } from '../i18n/translate.ts';

export type AccountEnv = {
  lang: Lang;
  api(): Promise<AccountApi>;
  deviceId: string;
  now(): number;
  navigator: { readonly userAgent: string; readonly maxTouchPoints?: number };
  /** Say something through the polite live region. */
  announce(text: string): void;
};
