// The boot module the loader imports: creates the store, binds the page,
// defines the elements and swaps the queueing stub for the real API.
import { broadcastSync, createCartlift, idbStorage, replayQueue } from '@cartlift/core';
import { defineBuyElements, defineCartElement, handleLanding, loadDrawer, openCart, whenNear } from '@cartlift/checkout/elements';
import { addedFeedback } from './added.js';
import { bindDocument } from './bind.js';
import { readScriptConfig } from './config.js';
import { createScriptApi } from './api.js';
import { watchViewedItems } from './view-items.js';
import type { CartliftStub } from './stub.js';

const stub = (window.Cartlift ?? { q: [], s: null }) as CartliftStub;
const report = (message: string) => console.error(message);
const { config, errors } = readScriptConfig(stub.s?.dataset ?? {}, navigator.language);
errors.forEach(report);

const instance = createCartlift({ ...config, storage: idbStorage(), sync: broadcastSync('cartlift') });
const open = () => {
  instance.events.emit('open', { source: 'api' });
  openCart(document);
};
bindDocument(document, instance, open, report, () => void loadDrawer().catch(() => {}), addedFeedback(config.locale, open));
defineCartElement(instance, config);
defineBuyElements(instance, config);
// A review link opens the review form, a chunk of its own; the tag's config carries its endpoint and locale.
handleLanding(instance, config.locale, location.search, (token) => import('@cartlift/reviews/form').then((form) => form.openReviewForm(token, config)));
watchViewedItems(document, instance);

// An Error's message, else the thrown value itself (a string, a number): shorter than an instanceof check, the same sentence.
const failed = (error: unknown) => report(`Cartlift: a queued call failed: ${(error as Error | undefined)?.message ?? error}`);
const api = createScriptApi(instance, config, open, failed);
window.Cartlift = api;
replayQueue(stub.q ?? [], api, failed);
// The reviews chunk only once a <cartlift-reviews> nears the viewport; it plugs itself in through window.Cartlift.
whenNear(document.querySelector('cartlift-reviews'), '600px', () => import('./reviews.js'));
// The AR button's chunk (./ar.ts, which plugs itself in the same way) at once when the page has one: a phone
// opened from its QR code (#cartlift-ar=SKU) must find the button ready wherever it is on the page.
if (document.querySelector('cartlift-ar-button')) import('./ar.js');
