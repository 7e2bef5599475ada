import type { ReviewsLocale } from '../render-text.js';
import { el } from './dom.js';
import type { ReviewFormApi } from './form-api.js';
import { formText } from './form-text.js';

interface PickedPhoto {
  id?: string;
  uploading: boolean;
  item: HTMLLIElement;
}

/**
 * The form's photos: a file input that uploads each chosen photo at once
 * (`POST /reviews/photos`, the server checks the bytes), a list with each
 * one's progress, its error and a remove button.
 *
 * @example
 * const photos = photoPicker(api, 'en', 3);
 * form.append(photos.wrap); // later: photos.ids()
 */
export function photoPicker(api: ReviewFormApi, locale: ReviewsLocale, max: number) {
  const problem = el('p', { class: 'problem', id: 'photos-problem' });
  const input = el('input', { type: 'file', id: 'photos', accept: 'image/jpeg,image/png,image/webp', multiple: true, 'aria-describedby': 'photos-problem' });
  const list = el('ul', { 'aria-live': 'polite' });
  const picked: PickedPhoto[] = [];

  const add = async (file: File) => {
    const progress = el('progress', { max: '1', value: '0', 'aria-label': `${formText.uploading[locale]} ${file.name}` });
    const note = el('span', {}, file.name);
    const remove = el('button', { type: 'button', 'aria-label': formText.remove[locale](file.name) }, '×');
    const photo: PickedPhoto = { uploading: true, item: el('li', {}, note, progress, remove) };
    remove.addEventListener('click', () => {
      picked.splice(picked.indexOf(photo), 1);
      photo.item.remove();
      input.focus();
    });
    picked.push(photo);
    list.append(photo.item);
    const answer = await api.photo(file, (fraction) => {
      progress.value = fraction;
    });
    photo.uploading = false;
    progress.remove();
    if (answer.status === 201 && answer.body?.id) {
      photo.id = answer.body.id;
      note.textContent = `${file.name}: ${formText.uploaded[locale]}`;
    } else {
      // The server's sentence names the reason (too large, not an image); in Chinese, ours.
      const reason = locale === 'en' && answer.body?.error?.message ? answer.body.error.message : formText.photoFailed[locale];
      note.textContent = `${file.name}: ${reason}`;
      note.setAttribute('class', 'problem');
    }
  };

  input.addEventListener('change', () => {
    problem.textContent = '';
    for (const file of input.files ?? []) {
      if (picked.length >= max) problem.textContent = formText.tooManyPhotos[locale];
      else void add(file);
    }
    input.value = '';
  });

  return {
    wrap: el('div', {}, el('label', { for: 'photos' }, formText.photos[locale]), input, problem, list),
    problem,
    /** The ids of the photos the server took, in order. */
    ids: () => picked.flatMap((p) => (p.id ? [p.id] : [])),
    /** A photo is still uploading: sending now would leave it off. */
    busy: () => picked.some((p) => p.uploading),
  };
}
