import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isSessionExpired, type Session } from '../store/session.ts';
import type { Config } from '../domain/config-records.ts';
import type { AccountApi } from '../sync/account-api.ts';
import type { Observable } from '../sync/observable.ts';
import { mayManageConfig, mayReadFindings, mayReadMonitoring, principalOf } from './abilities.ts';
import { ActivityList } from './activities/ActivityList.tsx';
import { AppContext, type AppContextValue, type Platform } from './context.ts';
import { createT, loadCore, type CoreWords, type Lang, type T } from './i18n/translate.ts';
import { Language, type LanguageValue } from './i18n/use-t.ts';
import type { SyncController, SyncResult } from './ports.ts';
import type { UiStore } from '../store/ui-store.ts';
import { patrolTeamsOf } from './patrol/teams.ts';
import { LIST, hrefOf, sectionOf, type Route, type Section } from './router.ts';
import { SyncStatus } from './sync/SyncStatus.tsx';
import { lazyScreen } from './ui/lazy.tsx';
import { NavIcon } from './ui/NavIcon.tsx';
import { NotFound } from './ui/NotFound.tsx';
import { createUnsavedWork, UnsavedWorkContext } from './ui/unsaved-work.ts';
import { UpdateBanner } from './ui/UpdateBanner.tsx';
import { useHashRoute } from './use-hash-route.ts';

// The start screen (the list) ships in the first download; the others load on first use.
const ActivityFormScreen = lazyScreen(() => import('./activities/ActivityFormScreen.tsx').then((m) => m.ActivityFormScreen));
const ActivityDetail = lazyScreen(() => import('./activities/ActivityDetail.tsx').then((m) => m.ActivityDetail));
const AttendanceScreen = lazyScreen(() => import('./attendance/AttendanceScreen.tsx').then((m) => m.AttendanceScreen));
const SettingsScreen = lazyScreen(() => import('./settings/SettingsScreen.tsx').then((m) => m.SettingsScreen));
const AccountScreen = lazyScreen(() => import('./account/AccountScreen.tsx').then((m) => m.AccountScreen));
const AdminScreen = lazyScreen(() => import('./admin/AdminScreen.tsx').then((m) => m.AdminScreen));
const SchouwArea = lazyScreen(() => import('./schouw/SchouwArea.tsx').then((m) => m.SchouwArea));
const PatrolArea = lazyScreen(() => import('./patrol/PatrolArea.tsx').then((m) => m.PatrolArea));
const RosterArea = lazyScreen(() => import('./roster/RosterArea.tsx').then((m) => m.RosterArea));
const MonitoringArea = lazyScreen(() => import('./monitoring/MonitoringArea.tsx').then((m) => m.MonitoringArea));
const LAZY_SCREENS = [ActivityFormScreen, ActivityDetail, AttendanceScreen, SettingsScreen];

export type AppProps = {
  store: UiStore;
  sync: Pick<SyncController, 'status' | 'subscribe'>;
  deviceId: string;
  config: Config;
  sessions: Observable<Session>;
  api(): Promise<AccountApi>;
  onSignedIn(session: Session): Promise<void>;
  signOut(): Promise<void>;
  lang: Lang;
  words: CoreWords;
  saveLanguage(lang: Lang): void;
  syncNow(): Promise<SyncResult | null>;
  /** The waiting new version's `apply`, or null. */
  updates: Observable<(() => void) | null>;
  platform: Platform;
  window: Window;
  now(): number;
};

/** The shell: header with sync status, the current screen, bottom navigation, live region. */
export function App(props: AppProps) {
  const { route, navigate } = useHashRoute(props.window);
  const [language, setLanguage] = useState<LanguageValue>(() => ({ lang: props.lang, words: props.words }));
  const { lang } = language;
  const t = useMemo(() => createT(lang, language.words), [language]);
  const [config, setConfig] = useState(props.config);
  const [session, setSession] = useState(() => props.sessions.current());
  // Re-renders once a minute, so a session that runs out while the app is open shows it.
  const [, setTick] = useState(0);
  const [message, setMessage] = useState({ text: '', flip: false });
  const [update, setUpdate] = useState(() => props.updates.current());
  // Which forms hold unsaved input: the update waits while any does.
  const [unsavedWork] = useState(createUnsavedWork);
  const [isUnsaved, setUnsaved] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const previousSection = useRef<Section>('activities');
  const firstRoute = useRef(true);

  useEffect(() => {
    // Every committed change re-runs this; only a real change of the
    // configuration may re-render every screen (not each tap at the door).
    let last = JSON.stringify(props.config);
    return props.store.observe(
      (s) => s.config.get(),
      (next) => {
        const text = JSON.stringify(next);
        if (text !== last) {
          last = text;
          setConfig(next);
        }
      },
    );
  }, [props.store]);
  useEffect(() => props.sessions.subscribe(setSession), [props.sessions]);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const isExpired = isSessionExpired(session, props.now());
  const principal = useMemo(() => principalOf(session.me, config.teams), [session, config]);
  const isCoordinator = mayManageConfig(session.me.role);
  const hasPatrolTeam = patrolTeamsOf(principal, config.teams).length > 0;
  // A round left running over 6 hours closes at the next start of the app, as "niet afgesloten".
  useEffect(() => {
    if (hasPatrolTeam) props.store.patrol.closeOverdueRounds().catch(() => {});
  }, [hasPatrolTeam]);
  // Buurtpreventie: the police to their observations, a coordinator or a team member to the roster.
  const patrolPath =
    principal.role === 'police'
      ? '/wijkagent'
      : isCoordinator || config.teams.some((team) => team.kind === 'buurtpreventie' && principal.teamIds.includes(team.id))
        ? '/rooster'
        : null;
  useEffect(() => {
    if (isExpired) announceText(t('session.expired'));
  }, [isExpired]);
  useEffect(() => props.updates.subscribe(() => setUpdate(() => props.updates.current())), [props.updates]);
  useEffect(() => {
    // A form's effect runs before this one: read what it already marked.
    setUnsaved(unsavedWork.isAny());
    return unsavedWork.subscribe(setUnsaved);
  }, []);
  useEffect(() => {
    // Warm the other screens while the person looks at the list, so the
    // first tap on "Aanwezigheid tellen" never waits.
    const screens = isCoordinator ? [...LAZY_SCREENS, AdminScreen] : LAZY_SCREENS;
    const timer = setTimeout(() => screens.forEach((screen) => void screen.preload().catch(() => {})), 100);
    return () => clearTimeout(timer);
  }, []);

  // Changing the list's filters is not a new screen: focus stays on the filter.
  const screenKey = 'id' in route ? `${route.name}:${route.id}` : 'path' in route ? route.path : route.name;
  useEffect(() => {
    const title = titleOf(route, t);
    // The account screens name themselves (their words load with them).
    if (title !== null) props.platform.document.title = `${title} – ${t('app.name')}`;
  }, [screenKey, t]);
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    // After navigation, focus lands on the new screen's h1, so a screen
    // reader says where the user is and the next Tab starts there.
    props.window.scrollTo(0, 0);
    focusTitle(mainRef.current);
  }, [screenKey]);

  const context: AppContextValue = useMemo(
    () => ({
      store: props.store,
      sync: props.sync,
      config,
      deviceId: props.deviceId,
      session,
      me: session.me,
      principal,
      isSessionExpired: isExpired,
      api: props.api,
      onSignedIn: props.onSignedIn,
      signOut: props.signOut,
      lang,
      setLang(next) {
        void loadCore(next).then((words) => {
          setLanguage({ lang: next, words });
          props.platform.document.documentElement.lang = next;
          props.saveLanguage(next);
          announceText(createT(next, words)('language.changed'));
        });
      },
      announce: announceText,
      navigate,
      syncNow: props.syncNow,
      now: props.now,
      platform: props.platform,
    }),
    [config, lang, route, session, principal, isExpired],
  );

  function announceText(text: string) {
    // The flip makes a repeated message ("Bewoners: 3" twice after + and −)
    // a change the screen reader announces again.
    setMessage((m) => ({ text, flip: !m.flip }));
  }

  // A finding keeps the section it was opened from (router.ts sectionOf).
  const section = sectionOf(route, previousSection.current);
  previousSection.current = section;
  return (
    <Language.Provider value={language}>
      <AppContext.Provider value={context}>
        <button type="button" class="skip-link" onClick={() => mainRef.current?.focus()}>
          {t('app.skipToContent')}
        </button>
        <header class="app-header">
          <p class="app-name">
            <a href={hrefOf(LIST)}>{t('app.name')}</a>
          </p>
          <SyncStatus />
        </header>
        <main id="main" ref={mainRef} tabIndex={-1} class="app-main">
          <UnsavedWorkContext.Provider value={unsavedWork}>
            <Screen route={route} />
          </UnsavedWorkContext.Provider>
        </main>
        <nav class="bottom-nav" aria-label={t('nav.label')}>
          <a href={hrefOf(LIST)} aria-current={section === 'activities' ? 'page' : undefined}>
            <NavIcon name="activities" />
            {t('nav.activities')}
          </a>
          {mayReadFindings(session.me.role) && (
            <a href="#/bevindingen" aria-current={section === 'findings' ? 'page' : undefined}>
              <NavIcon name="findings" />
              {t('nav.findings')}
            </a>
          )}
          {hasPatrolTeam && (
            <a href="#/ronde" aria-current={section === 'patrol' ? 'page' : undefined}>
              <NavIcon name="patrol" />
              {t('nav.patrol')}
            </a>
          )}
          {patrolPath && (
            <a href={`#${patrolPath}`} aria-current={section === 'roster' ? 'page' : undefined}>
              <NavIcon name={patrolPath === '/wijkagent' ? 'police' : 'roster'} />
              {t(patrolPath === '/wijkagent' ? 'nav.police' : 'nav.roster')}
            </a>
          )}
          {mayReadMonitoring(session.me.role) && (
            <a href="#/monitoring" aria-current={section === 'monitoring' ? 'page' : undefined}>
              <NavIcon name="monitoring" />
              {t('nav.monitoring')}
            </a>
          )}
          {isCoordinator && (
            <a href={hrefOf({ name: 'admin', section: null })} aria-current={section === 'admin' ? 'page' : undefined}>
              <NavIcon name="admin" />
              {t('nav.admin')}
            </a>
          )}
          <a href={hrefOf({ name: 'settings' })} aria-current={section === 'settings' ? 'page' : undefined}>
            <NavIcon name="settings" />
            {t('nav.settings')}
          </a>
        </nav>
        <div class="notices">
          <UpdateBanner visible={update !== null && !isUnsaved} onUpdate={() => update?.()} />
          {isExpired && route.name !== 'sign-in' && (
            <section class="update-banner" aria-labelledby="session-banner-text" data-testid="session-expired">
              <p id="session-banner-text">{t('session.expired')}</p>
              <a class="button button-primary" href={hrefOf({ name: 'sign-in' })}>
                {t('session.signInAgain')}
              </a>
            </section>
          )}
        </div>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
          {message.text}
          {message.flip ? '\u00a0' : ''}
        </div>
      </AppContext.Provider>
    </Language.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'list':
      return <ActivityList route={route} />;
    case 'new':
      return <ActivityFormScreen key="new" id={null} />;
    case 'edit':
      return <ActivityFormScreen key={`edit-${route.id}`} id={route.id} />;
    case 'repeat':
      return <ActivityFormScreen key={`repeat-${route.id}`} id={null} repeatOf={route.id} />;
    case 'detail':
      return <ActivityDetail id={route.id} />;
    case 'attendance':
      return <AttendanceScreen id={route.id} />;
    case 'settings':
      return <SettingsScreen />;
    case 'privacy':
    case 'sign-in':
    case 'invite':
      return <AccountScreen route={route} />;
    case 'admin':
      return <AdminScreen section={route.section} />;
    case 'schouw':
      return <SchouwArea path={route.path} />;
    case 'patrol':
      return <PatrolArea path={route.path} />;
    case 'roster':
      return <RosterArea path={route.path} />;
    case 'monitoring':
      return <MonitoringArea path={route.path} query={route.query ?? ''} />;
    case 'not-found':
      return <NotFound />;
  }
}

/**
 * Move focus to the screen's h1 once it is there: a lazy screen renders its
 * h1 a moment after the route changed, so look for a short while.
 */
function focusTitle(main: HTMLElement | null, triesLeft = 20): void {
  requestAnimationFrame(() => {
    const title = main?.querySelector<HTMLElement>('h1');
    if (title) title.focus();
    else if (triesLeft > 0) setTimeout(() => focusTitle(main, triesLeft - 1), 50);
  });
}

function titleOf(route: Route, t: T): string | null {
  switch (route.name) {
    case 'list':
      return t('list.title');
    case 'new':
    case 'repeat':
      return t('route.new');
    case 'edit':
      return t('route.edit');
    case 'detail':
      return t('nav.activities');
    case 'attendance':
      return t('route.attendance');
    case 'settings':
      return t('route.settings');
    case 'privacy':
    case 'sign-in':
    case 'invite':
      return null;
    case 'admin':
      return t('nav.admin');
    case 'schouw':
    case 'patrol':
    case 'roster':
      return null;
    case 'monitoring':
      return null;
    case 'not-found':
      return t('app.notFound.title');
  }
}
