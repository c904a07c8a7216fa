import { SESSION_DAYS } from '../../domain/auth.ts';
import { DEFAULT_RETENTION, type RetentionPeriods } from '../../domain/patrol-retention.ts';
import type { AccountT } from './pack.ts';

const SECTIONS = ['counts', 'you', 'device', 'local', 'coordinator', 'export', 'retention', 'questions'] as const;

/**
 * "Wat Buurtlog bewaart en waarom", in plain words; shown at first start and
 * from Settings. The retention periods of buurtpreventie data are the
 * tenant's (patrolSettings), the defaults until this device has them.
 */
export function PrivacyText({ t, retention = DEFAULT_RETENTION }: { t: AccountT; retention?: RetentionPeriods }) {
  const params = {
    days: SESSION_DAYS,
    safety: retention.safetyObservationMonths,
    rounds: retention.roundMonths,
    publicSpace: retention.publicSpaceObservationMonths,
  };
  return (
    <div class="privacy">
      <p class="lead">{t('privacy.intro')}</p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`privacy.${section}.title`)}</h2>
          <p>{t(`privacy.${section}.body`, params)}</p>
        </section>
      ))}
    </div>
  );
}
