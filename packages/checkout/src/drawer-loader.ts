// The drawer's chunk (Preact, the drawer, the engine's estimate), fetched on intent.
type DrawerModule = typeof import('./drawer.js');
export type DrawerStart = import('./drawer.js').DrawerStart;
let drawerModule: Promise<DrawerModule> | undefined;

/**
 * Loads the drawer chunk (Preact and the drawer) once. Called on intent —
 * pointer over or focus on the cart button — and on open. A failed load is
 * forgotten (as stripe-js forgets its promise), so the next intent fetches
 * the chunk again instead of failing forever after one network blip.
 *
 * @example
 * button.addEventListener('pointerenter', () => void loadDrawer());
 */
export function loadDrawer(): Promise<DrawerModule> {
  drawerModule ??= import('./drawer.js').catch((error: unknown) => {
    drawerModule = undefined;
    throw error;
  });
  return drawerModule;
}
