import '../ui/ui.css';
import './schouw.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FINDING_ASPECTS, FINDING_ELEMENTS } from '../../domain/finding.ts';
import { MAX_PHOTOS_PER_RECORD } from '../../domain/photos.ts';
import { mayAddFinding, mayUpdateFinding } from '../abilities.ts';
import { useApp } from '../context.ts';
import { useLive } from '../hooks.ts';
import { findingLabel } from './labels.ts';
import { useT } from '../i18n/use-t.ts';
import { findingsPack } from './pack.ts';
import { PlaceField } from '../place/PlaceField.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { useUnsavedWork } from '../ui/use-unsaved-work.ts';
import { ChoiceGrid } from './ChoiceGrid.tsx';
import { createFindingSaver, draftOf, EMPTY_DRAFT, hasInput, isComplete, levelsFor, mergeStored, withoutPhoto, type CaptureDraft } from './capture-logic.ts';
import { ASPECT_ICONS, ChoiceIcon, ELEMENT_ICONS } from './icons.tsx';
import { PhotoPicker } from './PhotoPicker.tsx';
import { nextStep, revealStep, type CaptureStep } from './reveal.ts';
import { schouwHref } from './routes.ts';

/** A typed note is saved this long after the last key (and at once on leaving the field). */
const NOTE_DEBOUNCE_MS = 800;

/**
 * `#/schouw/<activityId>/nieuw` and `#/bevinding/<id>/bewerken`: a finding in
 * a few taps, with one hand. Photo first, then what and what is wrong as big
 * buttons; the finding is saved the moment those two are chosen, and every
 * later tap updates it (capture-logic.ts). Nothing waits for a network.
 */
export function FindingCapture({ activityId, findingId }: { activityId: string | null; findingId: string | null }) {
  // "Nog een bevinding" starts a fresh form on the same route.
  const [round, setRound] = useState(0);
  if (findingId !== null) return <EditFinding id={findingId} />;
  if (activityId === null) return null;
  return <CaptureForm key={round} schouwId={activityId} existing={null} isFresh={round > 0} onAnother={() => setRound((n) => n + 1)} />;
}

function EditFinding({ id }: { id: string }) {
  const t = useT(findingsPack);
  const finding = useLive((store) => store.schouw.getFinding(id), [id]);
  // The form takes the finding as it was when it opened; later changes arrive through its own live query.
  const [initial, setInitial] = useState<{ id: string; schouwId: string; draft: CaptureDraft; thumbnails: Readonly<Record<string, string>> } | null>(null);
  useEffect(() => {
    if (finding && initial === null) setInitial({ id, schouwId: finding.schouwId, draft: draftOf(finding), thumbnails: finding.thumbnails });
  }, [finding, initial, id]);
  if (finding === undefined || (finding && initial === null)) return <ScreenTitle>{t('capture.loading')}</ScreenTitle>;
  if (initial === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('capture.notFound')}</p>
      </>
    );
  }
  return (
    <CaptureForm
      schouwId={initial.schouwId}
      existing={{ id: initial.id, draft: initial.draft, thumbnails: initial.thumbnails }}
      isFresh={false}
      onAnother={null}
    />
  );
}

function CaptureForm(props: {
  schouwId: string;
  existing: { id: string; draft: CaptureDraft; thumbnails: Readonly<Record<string, string>> } | null;
  isFresh: boolean;
  onAnother: (() => void) | null;
}) {
  const { schouwId, existing } = props;
  const { store, me, principal, announce, platform } = useApp();
  const t = useT(findingsPack);
  const round = useLive(
    async (s) => {
      const activity = await s.activities.get(schouwId);
      return activity && !activity.deleted ? { activity, schouw: await s.schouw.getRound(schouwId) } : null;
    },
    [schouwId],
  );
  const saver = useMemo(() => createFindingSaver(store.schouw, { schouwId, createdBy: me.userId, ...(existing ? { existing } : {}) }), [store]);
  const [draft, setDraftState] = useState<CaptureDraft>(existing?.draft ?? EMPTY_DRAFT);
  const latest = useRef(draft);
  const [savedId, setSavedId] = useState<string | null>(existing?.id ?? null);
  const [hasFailed, setHasFailed] = useState(false);
  const [isNoteDirty, setNoteDirty] = useState(false);
  const [processing, setProcessing] = useState(0);
  const noteTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // A fresh capture is a guided flow: each answer brings the next question into view (reveal.ts).
  const [reveal, setReveal] = useState<CaptureStep | null>(null);
  useEffect(() => {
    if (reveal === null) return;
    setReveal(null);
    const doc = platform.document;
    const target =
      reveal === 'step-done' ? doc.querySelector<HTMLElement>('[data-testid="capture-done"]') : doc.querySelector<HTMLElement>(`[data-testid="${reveal}"]`);
    if (reveal === 'step-done') target?.focus({ preventScroll: true });
    else revealStep(target);
  }, [reveal]);

  const setDraft = (next: CaptureDraft) => {
    latest.current = next;
    setDraftState(next);
  };

  const persist = (next: CaptureDraft) => {
    saver.save(next).then(
      (result) => {
        setHasFailed(false);
        if (latest.current.note === next.note) setNoteDirty(false);
        if (result.kind === 'created') {
          setSavedId(result.id);
          announce(t('capture.saved'));
        } else if (result.kind === 'updated') {
          announce(t('capture.updated'));
        }
      },
      () => {
        setHasFailed(true);
        announce(t('capture.saveFailed'));
      },
    );
  };

  const change = (update: (current: CaptureDraft) => CaptureDraft) => {
    const next = update(latest.current);
    setDraft(next);
    persist(next);
  };

  // The stored finding changed under the screen (a colleague, the address lookup): show it, keep unsaved input.
  const stored = useLive((s) => (savedId ? s.schouw.getFinding(savedId) : Promise.resolve(null)), [savedId]);
  useEffect(() => {
    if (!stored || !saver.saved) return;
    const merged = mergeStored(saver.saved, latest.current, draftOf(stored));
    saver.adopt(merged.saved);
    if (JSON.stringify(merged.draft) !== JSON.stringify(latest.current)) setDraft(merged.draft);
  }, [stored]);

  // The update prompt must not reload while something here is not saved yet.
  useUnsavedWork(processing > 0 || isNoteDirty || hasFailed || (savedId === null && hasInput(draft)));
  useEffect(
    () => () => {
      if (noteTimer.current) clearTimeout(noteTimer.current);
      // Leaving with a note still typed: write it (a complete draft only; the saver checks).
      void saver.save(latest.current).catch(() => undefined);
    },
    [],
  );

  useEffect(() => {
    if (!props.isFresh) return;
    const title = platform.document.querySelector<HTMLElement>('.screen-title');
    title?.focus();
    platform.document.defaultView?.scrollTo?.(0, 0);
  }, []);

  const onNoteInput = (note: string) => {
    setDraft({ ...latest.current, note });
    setNoteDirty(true);
    if (noteTimer.current) clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => persist(latest.current), NOTE_DEBOUNCE_MS);
  };
  const onNoteBlur = () => {
    if (noteTimer.current) clearTimeout(noteTimer.current);
    noteTimer.current = null;
    if (isNoteDirty) persist(latest.current);
  };

  const title = existing ? t('capture.titleEdit') : t('capture.titleNew');
  if (round === undefined) return <ScreenTitle>{t('capture.loading')}</ScreenTitle>;
  if (round === null) {
    return (
      <>
        <ScreenTitle>{t('app.notFound.title')}</ScreenTitle>
        <p>{t('round.notFound')}</p>
      </>
    );
  }
  const { activity, schouw } = round;
  const roundHref = schouwHref({ name: 'round', activityId: schouwId });
  const isAllowed = existing ? mayUpdateFinding(principal, activity) : mayAddFinding(principal, activity);
  if (!isAllowed) {
    return (
      <>
        <ScreenTitle>{title}</ScreenTitle>
        <p>{t('capture.noPermission')}</p>
        <a class="button" href={roundHref}>
          {t('capture.backToRound')}
        </a>
      </>
    );
  }

  const levels = levelsFor(schouw.method);
  const isSaved = savedId !== null;
  const advance = (from: CaptureStep) => {
    if (!existing) setReveal(nextStep(from, levels.length > 0));
  };
  return (
    <>
      <ScreenTitle>{title}</ScreenTitle>
      <p class="round-meta">
        <a href={roundHref}>{activity.title}</a>
      </p>

      <div class="capture">
        <PhotoPicker
          photos={draft.photos}
          thumbnails={existing?.thumbnails}
          describe={(n) =>
            draft.element && draft.aspect
              ? t('finding.photoAlt', { n, element: findingLabel(t, 'element', draft.element), aspect: findingLabel(t, 'aspect', draft.aspect) })
              : t('capture.photoN', { n })
          }
          onAdded={(sha256) => {
            change((current) =>
              current.photos.includes(sha256) || current.photos.length >= MAX_PHOTOS_PER_RECORD ? current : { ...current, photos: [...current.photos, sha256] },
            );
            announce(t('capture.photoAdded', { n: Math.min(latest.current.photos.length, MAX_PHOTOS_PER_RECORD) }));
            if (latest.current.element === null) advance('step-photos');
          }}
          onRemove={(sha256) => {
            change((current) => withoutPhoto(current, sha256));
            announce(t('capture.photoRemoved'));
          }}
          onBusy={setProcessing}
        />

        <ChoiceGrid
          testId="step-element"
          legend={t('capture.element')}
          options={FINDING_ELEMENTS}
          value={draft.element}
          label={(v) => findingLabel(t, 'element', v)}
          icon={(v) => <ChoiceIcon icon={ELEMENT_ICONS[v]} />}
          isTiles
          onChoose={(element) => {
            change((current) => ({ ...current, element }));
            advance('step-element');
          }}
        />

        <ChoiceGrid
          testId="step-aspect"
          legend={t('capture.aspect')}
          options={FINDING_ASPECTS}
          value={draft.aspect}
          label={(v) => findingLabel(t, 'aspect', v)}
          icon={(v) => <ChoiceIcon icon={ASPECT_ICONS[v]} />}
          variant={(v) => (v === 'opportunity' ? 'choice-opportunity' : undefined)}
          isTiles
          onChoose={(aspect) => {
            change((current) => ({ ...current, aspect }));
            advance('step-aspect');
          }}
        />

        {levels.length > 0 && (
          <ChoiceGrid
            testId="step-level"
            legend={t('capture.level')}
            hint={t('capture.levelHint')}
            isCompact
            options={levels}
            value={draft.level}
            label={(v) => findingLabel(t, 'level', v)}
            onChoose={(level) => {
              change((current) => ({ ...current, level: current.level === level ? null : level }));
              if (latest.current.level !== null) advance('step-level');
            }}
          />
        )}

        <section class="capture-step" aria-labelledby="capture-place-title" data-testid="step-place" tabIndex={-1}>
          <h2 id="capture-place-title" class="capture-step-title">
            {t('capture.place')}
          </h2>
          <PlaceField
            value={{ location: draft.location, address: draft.address }}
            onChange={(next) => {
              const hadPlace = latest.current.location !== null || latest.current.address !== null;
              change((current) => ({ ...current, location: next.location, address: next.address }));
              if (!hadPlace && (next.location !== null || next.address !== null)) advance('step-place');
            }}
          />
        </section>

        <div class="capture-step capture-note">
          <label for="finding-note">{t('capture.note')}</label>
          <p class="field-hint" id="finding-note-hint">
            {t('capture.noteHint')}
          </p>
          <textarea
            id="finding-note"
            rows={3}
            maxLength={2000}
            aria-describedby="finding-note-hint"
            value={draft.note}
            onInput={(event) => onNoteInput(event.currentTarget.value)}
            onBlur={onNoteBlur}
          />
        </div>
      </div>

      <div class="capture-footer">
        <p class={isSaved && !hasFailed ? 'capture-status capture-status-saved' : 'capture-status'} data-testid="capture-status">
          <span aria-hidden="true">{hasFailed ? '!' : isSaved ? '✓' : '…'}</span>
          {hasFailed ? t('capture.saveFailed') : isSaved ? t('capture.saved') : isComplete(draft) ? t('capture.saving') : t('capture.needMore')}
        </p>
        <div class="form-actions">
          <a class="button button-primary" href={roundHref} data-testid="capture-done">
            {t('capture.done')}
          </a>
          {isSaved &&
            (props.onAnother ? (
              <button type="button" class="button" onClick={props.onAnother}>
                {t('capture.another')}
              </button>
            ) : (
              <a class="button" href={schouwHref({ name: 'new-finding', activityId: schouwId })}>
                {t('capture.another')}
              </a>
            ))}
        </div>
      </div>
    </>
  );
}
