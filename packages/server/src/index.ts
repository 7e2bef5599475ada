/**
 * server: filled in by a later issue (see docs/). The package exists now so that
 * the workspace, builds and import directions are fixed from the start.
 */
export {};
