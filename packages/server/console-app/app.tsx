import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ConsoleApi, consoleApi } from './api.js';
import { can, Console, type ConsoleContext, type ConsoleUser } from './console-context.js';
import { Pages } from './pages.js';
import { type ConsoleRoute, routeOf } from './route.js';
import { SignIn } from './sign-in.js';
import { type Locale, pickLocale, type TextKey, type Translate, translator } from './text.js';
import { messageOf } from './ui.js';

const LOCALE_KEY = 'cartlift-console-locale';

interface Session {
  user: ConsoleUser;
  csrfToken: string;
}

function useHashRoute(): ConsoleRoute {
  const [route, setRoute] = useState(() => routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return route;
}

function useLocale(): [Locale, (locale: Locale) => void] {
  const [locale, setLocale] = useState<Locale>(() => pickLocale(localStorage.getItem(LOCALE_KEY), navigator.languages));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return [
    locale,
    (next) => {
      localStorage.setItem(LOCALE_KEY, next);
      setLocale(next);
    },
  ];
}

const NAV: { page: ConsoleRoute['page']; href: string; label: TextKey; owner?: boolean }[] = [
  { page: 'promotions', href: '#/promotions', label: 'navPromotions' },
  { page: 'preview', href: '#/preview', label: 'navPreview' },
  { page: 'publish', href: '#/publish', label: 'navPublish' },
  { page: 'versions', href: '#/versions', label: 'navVersions' },
  { page: 'orders', href: '#/orders', label: 'navOrders' },
  { page: 'funnel', href: '#/funnel', label: 'navFunnel' },
  { page: 'reviews', href: '#/reviews', label: 'navReviews' },
  { page: 'audit', href: '#/audit', label: 'navAudit' },
  { page: 'users', href: '#/users', label: 'navUsers', owner: true },
];

/** Which nav entry a route belongs to (an edited promotion is under Promotions). */
const navPageOf = (route: ConsoleRoute) =>
  ['new-promotion', 'edit-promotion', 'codes'].includes(route.page) ? 'promotions' : route.page === 'review-invitations' ? 'reviews' : route.page;

/** The language switch, on the sign-in form and in the header; the choice is kept in this browser. */
export function LanguagePicker({ locale, t, setLocale }: { locale: Locale; t: Translate; setLocale(locale: Locale): void }) {
  return (
    <label class="language">
      <span>{t('language')}</span>
      <select value={locale} onChange={(event) => setLocale(event.currentTarget.value as Locale)}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </label>
  );
}

function Header({ context, onSignOut, setLocale }: { context: ConsoleContext; onSignOut(): void; setLocale(locale: Locale): void }) {
  const { t, user, locale } = context;
  const route = useHashRoute();
  return (
    <header class="top">
      <a class="skip" href="#content">
        {t('skip')}
      </a>
      <span class="brand">Cartlift</span>
      <nav aria-label={t('title')}>
        <ul>
          {NAV.filter((entry) => !entry.owner || can(user, 'owner')).map((entry) => (
            <li key={entry.page}>
              <a href={entry.href} aria-current={navPageOf(route) === entry.page ? 'page' : undefined}>
                {t(entry.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="account">
        <LanguagePicker locale={locale} t={t} setLocale={setLocale} />
        <span class="who">{t('signedInAs', { email: user.email, role: user.role })}</span>
        <button type="button" onClick={onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}

function SignedIn({
  api,
  session,
  locale,
  setLocale,
  onSignedOut,
}: {
  api: ConsoleApi;
  session: Session;
  locale: Locale;
  setLocale(locale: Locale): void;
  onSignedOut(): void;
}) {
  const [announcement, setAnnouncement] = useState('');
  const route = useHashRoute();
  const context = useMemo<ConsoleContext>(
    () => ({
      api,
      t: translator(locale),
      locale,
      user: session.user,
      announce: setAnnouncement,
      go: (next) => {
        location.hash = next;
      },
    }),
    [api, locale, session],
  );
  async function signOut() {
    try {
      await api.send('POST', '/logout');
    } catch (error) {
      // Signed out already (expired), or the server is away: the form comes back either way.
      setAnnouncement(messageOf(error));
    }
    onSignedOut();
  }
  return (
    <Console.Provider value={context}>
      <Header context={context} onSignOut={signOut} setLocale={setLocale} />
      <main id="content" tabIndex={-1}>
        <Pages route={route} />
      </main>
      <p class="live" role="status" aria-live="polite">
        {announcement}
      </p>
    </Console.Provider>
  );
}

/**
 * The console: the sign-in form until there is a session, then the pages.
 * The page's address follows: `/admin/login` signed out, `/admin` signed in.
 */
export function App({ basePath }: { basePath: string }) {
  const [session, setSession] = useState<Session | null | 'checking'>('checking');
  const [locale, setLocale] = useLocale();
  const api = useMemo(() => consoleApi(basePath, () => setSession(null)), [basePath]);
  useEffect(() => {
    api.get<Session>('/session').then(signIn, () => setSession(null));
  }, [api]);
  // The token is set before any page renders, so a page's first change already carries it.
  function signIn(found: Session) {
    api.setCsrfToken(found.csrfToken);
    setSession(found);
  }
  useEffect(() => {
    if (session === 'checking') return;
    const path = `${basePath}/admin${session ? '' : '/login'}`;
    if (location.pathname !== path) history.replaceState(null, '', `${path}${session ? location.hash : ''}`);
  }, [api, basePath, session]);
  const t = translator(locale);
  if (session === 'checking') return <p class="loading">{t('loading')}</p>;
  if (session === null) {
    return (
      <main id="content" class="signed-out">
        <div class="sign-in-language">
          <LanguagePicker locale={locale} t={t} setLocale={setLocale} />
        </div>
        <SignIn api={api} t={t} onSignedIn={(user, csrfToken) => signIn({ user, csrfToken })} />
      </main>
    );
  }
  return (
    <SignedIn
      api={api}
      session={session}
      locale={locale}
      setLocale={setLocale}
      onSignedOut={() => {
        api.setCsrfToken(null);
        setSession(null);
      }}
    />
  );
}
