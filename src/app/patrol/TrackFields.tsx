/**
 * The walkers' choice about the route, on the start form and on the running
 * round: "Route vastleggen" (off by default) with what is stored and who
 * sees it, and "Route delen met de wijkagent" (off by default), which only
 * counts with the route on — it is disabled, not hidden, while the route is
 * off, so nothing moves when it is turned on.
 */
import { useT } from '../i18n/use-t.ts';
import { patrolPack } from './pack.ts';

export type TrackFieldsProps = {
  optIn: boolean;
  share: boolean;
  onOptIn(on: boolean): void;
  onShare(on: boolean): void;
  /** On a running round: turning it off clears what was recorded (said under the choice). */
  isRunning?: boolean;
};

export function TrackFields({ optIn, share, onOptIn, onShare, isRunning = false }: TrackFieldsProps) {
  const t = useT(patrolPack);
  return (
    <fieldset class="fieldset patrol-track-fields">
      <legend>{t('patrolTrack.legend')}</legend>
      <label class="check">
        <input type="checkbox" name="track-opt-in" checked={optIn} aria-describedby="track-opt-in-hint" onChange={() => onOptIn(!optIn)} />
        <span>{t('patrolTrack.optIn')}</span>
      </label>
      <p class="field-hint" id="track-opt-in-hint">
        {t('patrolTrack.optInHint')}
        {isRunning && <> {t('patrolTrack.offClears')}</>}
      </p>
      <label class="check">
        <input
          type="checkbox"
          name="track-share"
          checked={optIn && share}
          disabled={!optIn}
          aria-describedby="track-share-hint"
          onChange={() => onShare(!share)}
        />
        <span>{t('patrolTrack.share')}</span>
      </label>
      <p class="field-hint" id="track-share-hint">
        {t('patrolTrack.shareHint')}
      </p>
    </fieldset>
  );
}
