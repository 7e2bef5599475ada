import type { ReviewAttributeChoices, ReviewSubmission } from '../submission.js';

/** What `GET /reviews/invitation` says a link is for. */
export interface InvitationAbout {
  sku: string;
  variant?: string;
  productName: string;
  attributes: ReviewAttributeChoices;
}

/** A server answer: the status, its JSON body (or null), and Retry-After in seconds when given. */
export interface Answer<T> {
  status: number;
  body: T | null;
  retryAfter: number;
}

/** The error shape of every Cartlift answer, with the field problems of a 400. */
export interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
  problems?: Array<{ field: string; message: string }>;
}

async function answerOf<T>(response: Response): Promise<Answer<T>> {
  const body = (await response.json().catch(() => null)) as T | null;
  return { status: response.status, body, retryAfter: Number(response.headers.get('retry-after')) || 0 };
}

/**
 * The form's calls to the shop's Cartlift server at `endpoint`.
 *
 * @example
 * const api = reviewFormApi('/api/cartlift');
 * const about = await api.invitation(token);
 */
export function reviewFormApi(endpoint: string) {
  const base = endpoint.replace(/\/$/, '');
  return {
    invitation: (token: string) => fetch(`${base}/reviews/invitation?token=${encodeURIComponent(token)}`).then(answerOf<InvitationAbout & ErrorBody>),
    submit: (review: ReviewSubmission) =>
      fetch(`${base}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(review) }).then(
        answerOf<{ id: string; status: string } & ErrorBody>,
      ),
    /** Uploads one photo with progress (XHR: fetch reports no upload progress); resolves with the answer, never rejects. */
    photo: (file: Blob, progress: (fraction: number) => void) =>
      new Promise<Answer<{ id: string } & ErrorBody>>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${base}/reviews/photos`);
        xhr.upload.onprogress = (event) => event.lengthComputable && progress(event.loaded / event.total);
        xhr.onload = () => {
          let body = null;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {}
          resolve({ status: xhr.status, body, retryAfter: Number(xhr.getResponseHeader('retry-after')) || 0 });
        };
        xhr.onerror = () => resolve({ status: 0, body: null, retryAfter: 0 });
        xhr.send(file);
      }),
  };
}

/** The client of one server. */
export type ReviewFormApi = ReturnType<typeof reviewFormApi>;
