import { SESSION_DAYS } from '../../domain/auth.ts';
import type { AccountT } from './pack.ts';

const SECTIONS = ['counts', 'you', 'device', 'local', 'coordinator', 'export', 'retention', 'questions'] as const;

/** "Wat Buurtlog bewaart en waarom", in plain words; shown at first start and from Settings. */
export function PrivacyText({ t }: { t: AccountT }) {
  return (
    <div class="privacy">
      <p class="lead">{t('privacy.intro')}</p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`privacy.${section}.title`)}</h2>
          <p>{t(`privacy.${section}.body`, { days: SESSION_DAYS })}</p>
        </section>
      ))}
    </div>
  );
}
