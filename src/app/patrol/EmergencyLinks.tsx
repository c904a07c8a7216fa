import { useT } from '../i18n/use-t.ts';
import { patrolPack } from './pack.ts';

/** "Bij spoed: bel 112" and "Geen spoed: 0900-8844": always one tap away on the round screens. */
export function EmergencyLinks() {
  const t = useT(patrolPack);
  return (
    <div class="patrol-phones">
      <a class="patrol-phone patrol-phone-112" href="tel:112">
        {t('patrolRound.emergency')}
      </a>
      <a class="patrol-phone" href="tel:09008844">
        {t('patrolRound.noEmergency')}
      </a>
    </div>
  );
}
