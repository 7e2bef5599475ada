/** A refusal from the console API: its HTTP status, code, sentence and the field it names. */
export class ConsoleApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly body: Record<string, unknown>;
  constructor(status: number, code: string, message: string, field: string | undefined, body: Record<string, unknown>) {
    super(message);
    this.name = 'ConsoleApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.body = body;
  }
}

/** The console's client of `{basePath}/admin/api`: JSON both ways, the CSRF token on every change. */
export interface ConsoleApi {
  /** `{basePath}/admin/api` */
  readonly root: string;
  get<T>(path: string): Promise<T>;
  send<T>(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<T>;
  /** A POST of text as it is (a CSV file), with its content type and the CSRF token. */
  upload<T>(path: string, text: string, contentType: string): Promise<T>;
  /** The session's token, set at sign-in; changes without it are refused with 403. */
  setCsrfToken(token: string | null): void;
}

async function answerOf(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return { error: { code: 'not_json', message: `The server answered ${response.status} without JSON.` } };
  }
}

/**
 * The console API client. `onSignedOut` runs when any answer is 401, so an
 * expired session takes the marketer back to the sign-in form.
 *
 * @example
 * const api = consoleApi('/api/cartlift', () => showSignIn());
 * const { promotions } = await api.get('/promotions');
 */
export function consoleApi(basePath: string, onSignedOut: () => void): ConsoleApi {
  const root = `${basePath}/admin/api`;
  let csrfToken: string | null = null;
  async function request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = contentType;
    if (method !== 'GET' && csrfToken) headers['x-cartlift-csrf'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: typeof body === 'string' && contentType !== 'application/json' ? body : JSON.stringify(body) }),
      });
    } catch {
      throw new ConsoleApiError(0, 'network', 'The server did not answer; check the connection and try again.', undefined, {});
    }
    const answer = await answerOf(response);
    if (response.ok) return answer as T;
    const error = (answer.error ?? {}) as { code?: string; message?: string; field?: string };
    if (response.status === 401 && path !== '/login') onSignedOut();
    throw new ConsoleApiError(response.status, error.code ?? 'error', error.message ?? `The server answered ${response.status}.`, error.field, answer);
  }
  return {
    root,
    get: (path) => request('GET', path),
    send: (method, path, body) => request(method, path, body ?? {}),
    upload: (path, text, contentType) => request('POST', path, text, contentType),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
}
