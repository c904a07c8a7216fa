import { useEffect, useRef, useState } from 'preact/hooks';
import type { User } from '../../domain/auth.ts';
import type { ErasurePreview, ErasureResult } from '../../domain/person-data.ts';
import { useApp } from '../context.ts';
import { localDate } from '../format.ts';
import { downloadFile, fileSlug } from '../ui/download.ts';
import { problemText } from '../ui/problem-text.ts';
import type { AdminT } from './pack.ts';

/** The file the inzage bundle is saved as: `inzage-anna-de-vries-2026-12-07.zip`. */
export function inzageFileName(displayName: string, now: number): string {
  const slug = fileSlug(displayName);
  return `inzage-${slug ? `${slug}-` : ''}${localDate(now)}.zip`;
}

type Step = { kind: 'idle' } | { kind: 'loading' } | { kind: 'confirm'; preview: ErasurePreview } | { kind: 'erasing'; preview: ErasurePreview };

/**
 * A person's AVG rights, for the coordinator: download everything Buurtlog
 * holds about them (inzage, art. 15) and erase them (art. 17). Erasing asks
 * first, naming exactly what will happen (the server counts it), and cannot
 * be undone. Nobody erases themselves here.
 */
export function PersonDataPanel({ user, t, onErased }: { user: User; t: AdminT; onErased(result: ErasureResult): void }) {
  const { api, announce, me, now, platform } = useApp();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [isDownloading, setDownloading] = useState(false);
  const safeAnswerRef = useRef<HTMLButtonElement>(null);
  const prefix = `person-${user.id}`;
  useEffect(() => {
    if (step.kind === 'confirm') requestAnimationFrame(() => safeAnswerRef.current?.focus());
  }, [step.kind]);

  const fail = (error: unknown) => {
    const text = problemText(error, t);
    setProblem(text);
    announce(text);
  };

  const download = async () => {
    if (isDownloading) return;
    setDownloading(true);
    setProblem(null);
    try {
      const bundle = await (await api()).exportPerson(user.id);
      const fileName = inzageFileName(user.displayName, now());
      downloadFile(platform.document, bundle, fileName, 'application/zip');
      setDownloaded(fileName);
      announce(t('person.downloaded', { file: fileName }));
    } catch (error) {
      fail(error);
    } finally {
      setDownloading(false);
    }
  };

  const askToErase = async () => {
    setProblem(null);
    setStep({ kind: 'loading' });
    try {
      setStep({ kind: 'confirm', preview: await (await api()).erasurePreview(user.id) });
    } catch (error) {
      setStep({ kind: 'idle' });
      fail(error);
    }
  };

  const erase = async (preview: ErasurePreview) => {
    setStep({ kind: 'erasing', preview });
    try {
      const result = await (await api()).erasePerson(user.id);
      announce(t('person.erased', { name: user.displayName, pseudonym: result.pseudonym }));
      onErased(result);
    } catch (error) {
      setStep({ kind: 'confirm', preview });
      fail(error);
    }
  };

  return (
    <section aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('person.title')}</h3>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="field">
        <button
          type="button"
          class="button"
          aria-label={isDownloading ? undefined : t('person.downloadLabel', { name: user.displayName })}
          aria-disabled={isDownloading ? 'true' : undefined}
          onClick={() => void download()}
        >
          {isDownloading ? t('person.downloading') : t('person.download')}
        </button>
        <p class="field-hint">{downloaded ? t('person.downloaded', { file: downloaded }) : t('person.downloadHint')}</p>
      </div>
      {user.id !== me.userId &&
        (step.kind === 'confirm' || step.kind === 'erasing' ? (
          <div class="confirm" role="group" aria-labelledby={`${prefix}-question`}>
            <p id={`${prefix}-question`}>
              <strong>{t('person.eraseQuestion', { name: user.displayName })}</strong>
            </p>
            <ErasureConsequences preview={step.preview} t={t} />
            <button
              type="button"
              class="button button-danger button-block"
              aria-disabled={step.kind === 'erasing' ? 'true' : undefined}
              onClick={() => void (step.kind === 'confirm' ? erase(step.preview) : null)}
            >
              {step.kind === 'erasing' ? t('person.erasing') : t('person.eraseYes', { name: user.displayName })}
            </button>
            {/* Focus on the safe answer: a screen reader hears the question, and Enter erases nothing. */}
            <button ref={safeAnswerRef} type="button" class="button button-block" onClick={() => setStep({ kind: 'idle' })}>
              {t('person.eraseNo')}
            </button>
          </div>
        ) : (
          <div class="field">
            <button
              type="button"
              class="button button-danger-outline"
              aria-label={step.kind === 'loading' ? undefined : t('person.eraseLabel', { name: user.displayName })}
              aria-disabled={step.kind === 'loading' ? 'true' : undefined}
              onClick={() => void (step.kind === 'idle' ? askToErase() : null)}
            >
              {step.kind === 'loading' ? t('person.eraseLoading') : t('person.erase')}
            </button>
            <p class="field-hint">{t('person.eraseHint')}</p>
          </div>
        ))}
    </section>
  );
}

/** What erasing will do, in the words the coordinator confirms. */
function ErasureConsequences({ preview, t }: { preview: ErasurePreview; t: AdminT }) {
  const name = preview.displayName;
  return (
    <ul>
      <li>{t('person.eraseAccount', { name, devices: preview.devices })}</li>
      <li>{t('person.erasePseudonym', { name, pseudonym: preview.pseudonym, entries: preview.auditEntries })}</li>
      <li>{t('person.eraseRecords', { name, records: preview.records, signUps: preview.signUps, teams: preview.teams, pseudonym: preview.pseudonym })}</li>
      {preview.mentions > 0 && <li>{t('person.eraseMentions', { mentions: preview.mentions, pseudonym: preview.pseudonym })}</li>}
      <li>{t('person.eraseCounts')}</li>
      <li>
        <strong>{t('person.eraseFinal')}</strong>
      </li>
    </ul>
  );
}
