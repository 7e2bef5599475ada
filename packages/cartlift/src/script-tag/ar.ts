// The script tag's AR chunk, imported by boot only when the page has a <cartlift-ar-button>.
// It installs itself through the public API (a plugin receives the instance), so the first
// download spends nothing on handing the instance over: boot's whole part is the import.
import { defineArButton } from '@cartlift/ar/element';
import type { CartliftScriptApi } from './api.js';

// The import resolves after boot has run to its end, so window.Cartlift is the API by now.
const api = window.Cartlift as CartliftScriptApi;
api.use({ name: 'ar', setup: (instance) => defineArButton(instance, api.config) });
