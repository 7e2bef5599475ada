import { useState } from 'preact/hooks';
import type { ConsoleApi } from './api.js';
import type { ConsoleUser } from './console-context.js';
import type { Translate } from './text.js';
import { ErrorNotice, PageTitle, TextField } from './ui.js';

interface SessionAnswer {
  user: ConsoleUser;
  csrfToken: string;
}

/**
 * The sign-in form. The password goes to the server once and is never kept;
 * the session lives in an HttpOnly cookie the page can't read.
 */
export function SignIn({ api, t, onSignedIn }: { api: ConsoleApi; t: Translate; onSignedIn(user: ConsoleUser, csrfToken: string): void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await api.send<SessionAnswer>('POST', '/login', { email, password });
      onSignedIn(answer.user, answer.csrfToken);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="sign-in">
      <PageTitle>{t('signInTitle')}</PageTitle>
      <form onSubmit={submit} noValidate>
        {error !== null && <ErrorNotice error={error} />}
        <TextField field="email" label={t('email')} type="email" autoComplete="username" value={email} onValue={setEmail} />
        <TextField field="password" label={t('password')} type="password" autoComplete="current-password" value={password} onValue={setPassword} />
        <button type="submit" class="primary" disabled={busy}>
          {t('signIn')}
        </button>
      </form>
    </div>
  );
}
