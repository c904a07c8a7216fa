/** The account screens' needs, from the app context (inside the app, after sign-in). */
import { useApp } from '../context.ts';
import type { AccountEnv } from './account-env.ts';

export function useAccountEnv(): AccountEnv {
  const { lang, api, deviceId, now, announce, platform } = useApp();
  return {
    lang,
    api,
    deviceId,
    now,
    navigator: platform.document.defaultView?.navigator ?? { userAgent: '' },
    announce,
  };
}
