import '../ui/ui.css';
import './account.css';
import { useApp } from '../context.ts';
import { LIST, hrefOf } from '../router.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { InviteRedeem } from './InviteRedeem.tsx';
import { useT } from '../i18n/use-t.ts';
import { accountPack } from './pack.ts';
import { useAccountEnv } from './use-account-env.ts';

/**
 * `#/uitnodiging/<code>` opened on a phone that is already signed in. With a
 * session that ran out, the invite signs it in again (local data kept);
 * with a live one, it says who is signed in: one device, one person.
 */
export function InviteScreen({ code }: { code: string }) {
  const { me, isSessionExpired, onSignedIn } = useApp();
  const env = useAccountEnv();
  const t = useT(accountPack);
  return (
    <>
      <ScreenTitle>{t('invite.title')}</ScreenTitle>
      {isSessionExpired ? (
        <InviteRedeem env={env} code={code} onSignedIn={(session) => void onSignedIn(session)} />
      ) : (
        <>
          <p>{t('invite.alreadySignedIn', { name: me.displayName })}</p>
          <a class="button button-block" href={hrefOf(LIST)}>
            {t('app.backToList')}
          </a>
        </>
      )}
    </>
  );
}
