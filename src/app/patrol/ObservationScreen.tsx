/**
 * `#/ronde/<round>/waarneming/<id>`: an observation after its one tap —
 * the place (GPS, or the map / a typed address as fallback), a note, the
 * action taken, and for public space a melding number and photos (the
 * schouw's photo picker, through the photo pipeline). A safety observation
 * offers no camera at all, and its note says what must not be typed.
 */
import { useEffect, useState } from 'preact/hooks';
import { OBSERVATION_ACTIONS, type ObservationAction } from '../../domain/patrol-observation.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { useT } from '../i18n/use-t.ts';
import { PlaceField } from '../place/PlaceField.tsx';
import { PhotoPicker } from '../schouw/PhotoPicker.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { EmergencyLinks } from './EmergencyLinks.tsx';
import { formatClock } from './format.ts';
import { patrolPack } from './pack.ts';
import { patrolHref } from './routes.ts';
import { observationActionLabel, observationTypeLabel } from './labels.ts';

export function ObservationScreen({ roundId, id }: { roundId: string; id: string }) {
  const { store, lang, announce, navigate } = useApp();
  const t = useT(patrolPack);
  const observation = useLive((s) => s.patrol.getObservation(id), [id]);
  const [note, setNote] = useState<string | null>(null);
  const [action, setAction] = useState<ObservationAction | null>(null);
  const [melding, setMelding] = useState<string | null>(null);
  const [, setBusy] = useState(0);
  useEffect(() => {
    if (observation && note === null) {
      setNote(observation.note);
      setAction(observation.action);
      setMelding(observation.meldingNumber ?? '');
    }
  }, [observation]);

  if (observation === undefined) return <ScreenTitle>{t('patrolRound.loading')}</ScreenTitle>;
  if (observation === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <a class="button" href={patrolHref({ name: 'round', id: roundId })}>
          {t('patrolObs.back')}
        </a>
      </>
    );
  }
  const isSafety = observation.kind === 'safety';
  const save = async (event: Event) => {
    event.preventDefault();
    const meldingNumber = (melding ?? '').trim();
    await store.patrol.updateObservation(id, {
      note: note ?? '',
      action: action ?? 'none',
      ...(isSafety ? {} : { meldingNumber: meldingNumber === '' ? null : meldingNumber }),
    });
    announce(t('patrolObs.saved'));
    navigate({ name: 'patrol', path: patrolHref({ name: 'round', id: roundId }).slice(1) });
  };

  return (
    <>
      <ScreenTitle>{observationTypeLabel(t, observation.type)}</ScreenTitle>
      <p class="patrol-meta">{t('patrolObs.at', { time: formatClock(lang, observation.observedAt) })}</p>
      <EmergencyLinks />
      {observation.reaction && (
        <section class="patrol-section patrol-reaction-box" aria-labelledby="reaction-title">
          <h2 id="reaction-title">{t('patrolObs.reaction')}</h2>
          <p>
            <strong>{t(observation.reaction.state === 'handled' ? 'patrolObs.reactionHandled' : 'patrolObs.reactionSeen')}</strong>
          </p>
          {observation.reaction.text !== '' && <p>{observation.reaction.text}</p>}
        </section>
      )}
      <form class="form" onSubmit={save}>
        <label class="field">
          <span>{t('patrolObs.note')}</span>
          <span class="field-hint" id="obs-note-hint">
            {isSafety ? t('patrolObs.noteSafetyHint') : t('patrolObs.noteHint')}
          </span>
          <textarea
            rows={3}
            maxLength={1000}
            aria-describedby="obs-note-hint"
            value={note ?? ''}
            onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('patrolObs.action')}</span>
          <select value={action ?? 'none'} onChange={(event) => setAction((event.target as HTMLSelectElement).value as ObservationAction)}>
            {OBSERVATION_ACTIONS.map((option) => (
              <option key={option} value={option}>
                {observationActionLabel(t, option)}
              </option>
            ))}
          </select>
        </label>
        {!isSafety && (
          <label class="field">
            <span>{t('patrolObs.melding')}</span>
            <input
              type="text"
              inputMode="text"
              maxLength={40}
              value={melding ?? ''}
              onInput={(event) => setMelding((event.target as HTMLInputElement).value)}
            />
          </label>
        )}
        <button type="submit" class="button button-primary button-block patrol-target">
          {t('patrolObs.save')}
        </button>
      </form>
      <section class="patrol-section" aria-labelledby="obs-place-title">
        <h2 id="obs-place-title">{t('patrolObs.place')}</h2>
        {observation.location === null && observation.address === null && <p class="field-hint">{t('patrolObs.noPlace')}</p>}
        <PlaceField
          value={{ location: observation.location, address: observation.address }}
          onChange={(next) => void store.patrol.updateObservation(id, { location: next.location, address: next.address })}
        />
      </section>
      {observation.kind === 'publicSpace' && (
        <section class="patrol-section" aria-labelledby="obs-photos-title">
          <h2 id="obs-photos-title">{t('patrolObs.photos')}</h2>
          <PhotoPicker
            photos={observation.photos}
            thumbnails={observation.thumbnails}
            describe={(n) => t('patrolObs.photosCount', { count: n })}
            onAdded={(sha256) => void store.patrol.updateObservation(id, { photos: [...observation.photos, sha256] })}
            onRemove={(sha256) => void store.patrol.updateObservation(id, { photos: observation.photos.filter((hash) => hash !== sha256) })}
            onBusy={setBusy}
          />
        </section>
      )}
      <p>
        <a class="button button-block" href={patrolHref({ name: 'round', id: roundId })}>
          {t('patrolObs.back')}
        </a>
      </p>
    </>
  );
}
