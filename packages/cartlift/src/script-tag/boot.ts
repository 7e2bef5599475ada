// The boot module the loader imports: creates the store, binds the page,
// defines the elements and swaps the queueing stub for the real API.
import { broadcastSync, createCartlift, idbStorage, replayQueue } from '@cartlift/core';
import { defineBuyElements, defineCartElement, handleLanding, loadDrawer, openCart } from '@cartlift/checkout/elements';
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
// The config carries the locale the elements take (passed whole: fewer bytes in the first download).
defineCartElement(instance, config);
defineBuyElements(instance, config);
handleLanding(instance, config.locale, location.search);
watchViewedItems(document, instance);
// The AR button's code is a chunk of its own (./ar.ts, which installs itself), fetched only by a page that has one.
// (A failed fetch shows in the console as the rejected import; the page works on without the button.)
if (document.querySelector('cartlift-ar-button')) import('./ar.js');

const failed = (error: unknown) => report(`Cartlift: a queued call failed: ${error instanceof Error ? error.message : String(error)}`);
const api = createScriptApi(instance, config, open, failed);
window.Cartlift = api;
replayQueue(stub.q ?? [], api, failed);
