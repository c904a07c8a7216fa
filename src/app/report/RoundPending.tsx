import { useReportT } from '../i18n/report/pack.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

/** What a report screen shows while its round is being read, or when the round is not on this device. */
export function RoundPending({ isLoading }: { isLoading: boolean }) {
  const t = useReportT();
  if (isLoading) return <ScreenTitle>{t('report.loading')}</ScreenTitle>;
  return (
    <>
      <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
      <p>{t('report.notFound')}</p>
    </>
  );
}
