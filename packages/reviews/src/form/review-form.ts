import type { ReviewsLocale } from '../render-text.js';
import { MAX_REVIEW_PHOTOS, type ReviewAttributeChoices, reviewSubmissionProblems } from '../submission.js';
import { el } from './dom.js';
import { type Answer, type ErrorBody, type InvitationAbout, type ReviewFormApi, reviewFormApi } from './form-api.js';
import { formCss } from './form-css.js';
import { formText, humanize, problemText } from './form-text.js';
import { photoPicker } from './photo-picker.js';

/** Where the form sends and its language. */
export interface ReviewFormOptions {
  /** The Cartlift server, as `createCartlift({ endpoint })`: default `/api/cartlift`. */
  endpoint?: string;
  locale: ReviewsLocale;
}

/** The link's parameter; removed from the address bar once the link is spent, so a reload does not reopen the form. */
export const REVIEW_PARAM = 'cartlift-review';

function forgetLink(): void {
  const url = new URL(location.href);
  url.searchParams.delete(REVIEW_PARAM);
  history.replaceState(history.state, '', url);
}

/** The sentence for a refused link (404/410) or a refused review, or undefined when it is neither. */
function refusal(answer: Answer<ErrorBody>, locale: ReviewsLocale): string | undefined {
  const code = answer.body?.error?.code;
  if (answer.status === 429) return formText.later[locale](Math.max(1, Math.ceil(answer.retryAfter / 60)));
  if (code === 'invitation_used') return formText.used[locale];
  if (code === 'invitation_expired') return formText.expired[locale];
  if (answer.status === 404 || answer.status === 410) return formText.unknown[locale];
  return undefined;
}

/**
 * Opens the review form for a link from an order email in a modal dialog
 * (native `<dialog>`: focus kept inside and returned, Escape closes): the
 * product named as text, a star rating radio group, title, review, name, the
 * shop's fit questions and up to 3 photos. Problems show next to their
 * fields, checked before sending with the server's own rules; a used,
 * expired or unknown link says so and nothing else happens.
 *
 * @example
 * openReviewForm(new URL(location.href).searchParams.get('cartlift-review')!, { endpoint: '/api/cartlift', locale: 'en' });
 */
export async function openReviewForm(token: string, options: ReviewFormOptions): Promise<HTMLDialogElement> {
  const { locale } = options;
  const api = reviewFormApi(options.endpoint ?? '/api/cartlift');
  const host = el('div', { 'data-cartlift': 'review-form' });
  const root = host.attachShadow({ mode: 'open' });
  const heading = el('h2', { id: 'heading' }, formText.headingPlain[locale]);
  const status = el('p', { class: 'status', role: 'status' }, formText.loading[locale]);
  const close = el(
    'button',
    { type: 'button', class: 'close' },
    el('span', { 'aria-hidden': 'true' }, '×'),
    el('span', { class: 'sr' }, formText.close[locale]),
  );
  const dialog = el('dialog', { 'aria-labelledby': 'heading', lang: locale }, close, heading, status);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => host.remove());
  root.append(el('style', {}, formCss), dialog);
  document.body.append(host);
  dialog.showModal();

  const about = await api.invitation(token).catch(() => ({ status: 0, body: null, retryAfter: 0 }) as Answer<InvitationAbout & ErrorBody>);
  const refused = refusal(about, locale);
  if (refused || about.status !== 200 || !about.body) {
    status.textContent = refused ?? formText.failed[locale];
    if (refused) forgetLink();
    return dialog;
  }
  heading.textContent = formText.heading[locale](about.body.productName);
  status.textContent = '';
  dialog.append(buildForm(api, about.body, token, locale, status));
  return dialog;
}

/** A labelled control and the paragraph its problems appear in. */
function field(name: string, label: string, control: HTMLElement): { wrap: HTMLElement; problem: HTMLElement } {
  const problem = el('p', { class: 'problem', id: `${name}-problem` });
  control.id = name;
  control.setAttribute('aria-describedby', problem.id);
  return { wrap: el('div', {}, el('label', { for: name }, label), control, problem), problem };
}

function ratingGroup(locale: ReviewsLocale): { wrap: HTMLElement; problem: HTMLElement } {
  const problem = el('p', { class: 'problem', id: 'rating-problem' });
  const stars = [1, 2, 3, 4, 5].map((n) =>
    el(
      'label',
      {},
      el('input', { type: 'radio', name: 'rating', value: String(n), 'aria-label': formText.star[locale](n) }),
      el('span', { 'aria-hidden': 'true' }, '★'),
    ),
  );
  const group = el(
    'fieldset',
    { id: 'rating', 'aria-describedby': problem.id },
    el('legend', {}, formText.rating[locale]),
    el('div', { class: 'stars' }, ...stars),
    problem,
  );
  return { wrap: group, problem };
}

function attributeFields(choices: ReviewAttributeChoices, locale: ReviewsLocale) {
  return Object.entries(choices).map(([name, answers]) => {
    const select = el('select', { name: `attributes.${name}` }, el('option', { value: '' }, formText.noAnswer[locale]));
    for (const answer of answers) select.append(el('option', { value: answer }, humanize(answer)));
    return { name, select, ...field(`attributes.${name}`, humanize(name), select) };
  });
}

function buildForm(api: ReviewFormApi, about: InvitationAbout, token: string, locale: ReviewsLocale, status: HTMLElement): HTMLFormElement {
  const rating = ratingGroup(locale);
  const title = field('title', formText.title[locale], el('input', { name: 'title', maxlength: '120', autocomplete: 'off' }));
  const body = field('body', formText.body[locale], el('textarea', { name: 'body', required: true }));
  const author = field('author', formText.author[locale], el('input', { name: 'author', autocomplete: 'nickname', required: true }));
  const attributes = attributeFields(about.attributes ?? {}, locale);
  const photos = photoPicker(api, locale, MAX_REVIEW_PHOTOS);
  const submit = el('button', { type: 'submit', class: 'primary' }, formText.submit[locale]);
  const form = el('form', { novalidate: true }, rating.wrap, title.wrap, body.wrap, author.wrap, ...attributes.map((a) => a.wrap), photos.wrap, submit);
  const problems: Record<string, HTMLElement> = {
    rating: rating.problem,
    title: title.problem,
    body: body.problem,
    author: author.problem,
    photos: photos.problem,
    ...Object.fromEntries(attributes.map((a) => [`attributes.${a.name}`, a.problem])),
  };

  /** Shows each problem by its field (unknown fields in the status line) and focuses the first; true when there were any. */
  const show = (list: ReadonlyArray<{ field: string; message: string }>) => {
    for (const p of Object.values(problems)) p.textContent = '';
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    for (const problem of list) {
      const place = problems[problem.field];
      const sentence = problemText(problem, locale);
      if (!place) {
        status.textContent = sentence;
        continue;
      }
      place.textContent += `${place.textContent ? ' ' : ''}${sentence}`;
      form.querySelector(`[id="${problem.field}"]`)?.setAttribute('aria-invalid', 'true');
    }
    if (list.length) {
      if (list.every((p) => problems[p.field])) status.textContent = formText.fix[locale];
      const first = form.querySelector<HTMLElement>(`[id="${list[0]!.field}"]`);
      (first?.querySelector<HTMLElement>('input') ?? first)?.focus();
    }
    return list.length > 0;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (photos.busy()) return;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const review = {
      invitation: token,
      rating: Number(data.get('rating')),
      title: text('title'),
      body: text('body'),
      author: text('author'),
      language: locale,
      attributes: Object.fromEntries(attributes.map((a) => [a.name, a.select.value]).filter(([, v]) => v)),
      photos: photos.ids(),
    };
    const checked = reviewSubmissionProblems(review, { attributes: about.attributes ?? {} });
    if ('problems' in checked) return void show(checked.problems);
    submit.disabled = true;
    submit.textContent = formText.sending[locale];
    const answer = await api.submit(checked.submission).catch(() => ({ status: 0, body: null, retryAfter: 0 }) as Answer<ErrorBody>);
    submit.disabled = false;
    submit.textContent = formText.submit[locale];
    if (answer.status === 201) {
      forgetLink();
      form.remove();
      status.textContent = (answer.body as { status?: string }).status === 'published' ? formText.thanksPublished[locale] : formText.thanksPending[locale];
      status.closest('dialog')?.querySelector<HTMLElement>('.close')?.focus();
      return;
    }
    const fields = answer.body?.problems ?? (answer.body?.error?.field ? [{ field: answer.body.error.field, message: answer.body.error.message ?? '' }] : []);
    if (answer.status === 400 && show(fields)) return;
    show([]);
    const refused = refusal(answer, locale);
    if (refused && answer.status !== 429) {
      forgetLink();
      form.remove();
    }
    status.textContent = refused ?? formText.failed[locale];
  });
  return form;
}
