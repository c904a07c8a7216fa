import '../ui/ui.css';
import '../account/account.css';
import './settings.css';
import { useEffect, useState } from 'preact/hooks';
import type { StorageInfo } from '../../store/settings.ts';
import { useApp } from '../context.ts';
import { formatRelative } from '../format.ts';
import { formatMegabytes } from './megabytes.ts';
import { useLive, useNetwork, useNow, useSyncStatus } from '../hooks.ts';
import { THEMES, chooseTheme, currentTheme, type Theme } from '../theme.ts';
import { reasonText } from '../i18n/reasons.ts';
import { LANGS, plural } from '../i18n/translate.ts';
import { syncStatusText } from '../ui/sync-status-text.ts';
import { useSyncActions } from '../sync/use-sync-actions.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { AccountSection } from './AccountSection.tsx';
import { PhotoCacheSection } from './PhotoCacheSection.tsx';
import { useT } from '../i18n/use-t.ts';
import { activityPack } from '../activities/form/pack.ts';
import { settingsPack } from './pack.ts';

const LANGUAGE_NAMES = { nl: 'Nederlands', en: 'English' } as const;

/** `#/instellingen`: who is signed in and their devices, language, storage on this phone, sync and export. */
export function SettingsScreen() {
  const { lang, setLang, deviceId, store, announce } = useApp();
  const t = useT(settingsPack, activityPack);
  const status = useSyncStatus();
  const summary = useLive((s) => s.outbox.summary(), []);
  const now = useNow(30_000);
  const actions = useSyncActions();
  const text = syncStatusText(t, lang, status, summary, now, useNetwork());

  return (
    <>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>

      <AccountSection />

      <section class="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <fieldset class="fieldset fieldset-plain">
          <legend class="visually-hidden">{t('settings.language')}</legend>
          <div class="checks checks-inline">
            {LANGS.map((code) => (
              <label key={code} class="check" lang={code}>
                <input type="radio" name="language" value={code} checked={lang === code} onChange={() => setLang(code)} />
                <span>{LANGUAGE_NAMES[code]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <ThemeSection />

      <StorageSection pending={summary?.pending ?? 0} onSync={actions.syncNow} />

      <PhotoCacheSection />

      <section class="card" aria-labelledby="settings-sync">
        <h2 id="settings-sync">{t('settings.sync')}</h2>
        {text.isTrouble && (
          <p>
            <strong>{text.state}</strong>
          </p>
        )}
        {text.problem && <p>{text.problem}</p>}
        <p data-testid="settings-pending">{text.pending}</p>
        <p class="muted">{text.last}</p>
        <div class="action-stack">
          <button type="button" class="button button-block" onClick={actions.syncNow}>
            {t('sync.now')}
          </button>
          <button type="button" class="button button-primary button-block" onClick={() => void actions.exportUnsent()}>
            {t('sync.exportLong')}
          </button>
        </div>
        <p class="sync-feedback">{actions.feedback}</p>
        <p class="field-hint">{t('settings.exportHint')}</p>

        <h3>{t('settings.rejectedTitle')}</h3>
        {!summary || summary.rejected.length === 0 ? (
          <p class="muted">{t('settings.rejectedNone')}</p>
        ) : (
          <ul class="rejected-list">
            {summary.rejected.map((change) => (
              <li key={change.mutationId}>
                <p>{reasonText(change.reason, t)}</p>
                <p class="muted">{formatRelative(lang, t, change.createdAt, now)}</p>
                <button
                  type="button"
                  class="button button-small"
                  aria-label={`${t('settings.dismissLabel')}: ${reasonText(change.reason, t)}`}
                  onClick={() => void store.outbox.dismissRejected(change.mutationId).catch(() => announce(t('form.saveFailed')))}
                >
                  {t('settings.dismiss')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="settings-device">
        <h2 id="settings-device">{t('settings.device')}</h2>
        <dl class="details">
          <div class="details-item">
            <dt>{t('settings.deviceId')}</dt>
            <dd>
              <code data-testid="device-id">{deviceId}</code>
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}

/** Light, dark, or as the phone's system setting says (rounds happen in the dark). */
function ThemeSection() {
  const { platform, announce } = useApp();
  const t = useT(settingsPack, activityPack);
  const [theme, setTheme] = useState<Theme>(() => currentTheme(platform.document));
  const choose = (next: Theme) => {
    setTheme(next);
    void chooseTheme(platform.document, next, platform.localStorage).catch(() => announce(t('form.saveFailed')));
  };
  return (
    <section class="card" aria-labelledby="settings-theme">
      <h2 id="settings-theme">{t('settings.theme')}</h2>
      <fieldset class="fieldset fieldset-plain">
        <legend class="visually-hidden">{t('settings.theme')}</legend>
        <div class="checks checks-inline">
          {THEMES.map((code) => (
            <label key={code} class="check">
              <input type="radio" name="theme" value={code} checked={theme === code} onChange={() => choose(code)} />
              <span>{t(`settings.theme.${code}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

/** `pending`: changes only on this phone, urged to the server where the browser may clear its data. */
function StorageSection({ pending, onSync }: { pending: number; onSync: () => void }) {
  const { lang, platform, announce } = useApp();
  const t = useT(settingsPack);
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const refresh = () => void platform.storageInfo().then(setInfo, () => setInfo({ available: false, persisted: null }));
  useEffect(refresh, []);

  const ask = async () => {
    const granted = await platform.requestPersistence();
    if (granted !== true) announce(t('settings.persistenceDenied'));
    refresh();
  };

  const persisted = info?.persisted;
  const hasQuota = info?.usage !== undefined && info.quota !== undefined;
  return (
    <section class="card" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage')}</h2>
      {info === null ? (
        <p class="muted">{t('app.loading')}</p>
      ) : !info.available ? (
        <div data-testid="storage-unavailable">
          <p>
            <strong>{t('settings.storageUnavailable')}</strong> {t('settings.storageUnavailableMeaning')}
          </p>
          <p>{t('settings.storageUnavailableUrge')}</p>
          {pending > 0 && (
            <>
              <p>
                <strong>{plural(t, 'sync.pending', pending)}</strong>
              </p>
              <button type="button" class="button button-primary button-block" onClick={onSync}>
                {t('sync.now')}
              </button>
            </>
          )}
        </div>
      ) : (
        <>
          <p data-testid="storage-persisted" data-persisted={String(persisted)}>
            <span aria-hidden="true">{persisted ? '✓ ' : '! '}</span>
            {t(persisted === true ? 'settings.persisted.yes' : persisted === false ? 'settings.persisted.no' : 'settings.persisted.unknown')}
          </p>
          <p>
            {hasQuota
              ? t('settings.usage', {
                  used: formatMegabytes(lang, t, info.usage ?? 0),
                  free: formatMegabytes(lang, t, Math.max(0, (info.quota ?? 0) - (info.usage ?? 0))),
                })
              : t('settings.usageUnknown')}
          </p>
          {persisted !== true && (
            <button type="button" class="button button-block" onClick={() => void ask()}>
              {t('settings.requestPersistence')}
            </button>
          )}
        </>
      )}
      <p class="field-hint">{t('settings.installHint')}</p>
    </section>
  );
}
