/** The account screens' needs, from the app context (inside the app, after sign-in). */
import { useApp } from '../context.ts';
import { accountPack } from '../i18n/account/pack.ts';
import { packT } from '../i18n/pack.ts';
import type { AccountEnv } from './account-env.ts';

export function useAccountEnv(): AccountEnv {
  const { t, lang, api, deviceId, now, announce, platform } = useApp();
  return {
    t: packT(t, lang, accountPack),
    lang,
    api,
    deviceId,
    now,
    navigator: platform.document.defaultView?.navigator ?? { userAgent: '' },
    announce,
  };
}
