import { useT } from '../i18n/use-t.ts';
import { LIST, hrefOf } from '../router.ts';
import { ScreenTitle } from './ScreenTitle.tsx';

/** A route that leads nowhere: say so, and offer the way back to the list. */
export function NotFound() {
  const t = useT();
  return (
    <>
      <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
      <p>{t('app.notFound.body')}</p>
      <a class="button" href={hrefOf(LIST)}>
        {t('app.backToList')}
      </a>
    </>
  );
}
