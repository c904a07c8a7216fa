import { useT } from '../i18n/use-t.ts';
import { findingsPack } from '../schouw/pack.ts';
import { reportPack } from './pack.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

/** What a report screen shows while its round is being read, or when the round is not on this device. */
export function RoundPending({ isLoading }: { isLoading: boolean }) {
  const t = useT(reportPack, findingsPack);
  if (isLoading) return <ScreenTitle>{t('report.loading')}</ScreenTitle>;
  return (
    <>
      <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
      <p>{t('report.notFound')}</p>
    </>
  );
}
