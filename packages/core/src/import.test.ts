import { describe, expect, it } from 'vitest';

describe('@cartlift/core at import', () => {
  it('touches no DOM and opens no storage', async () => {
    const g = globalThis as Record<string, unknown>;
    expect(g.window).toBeUndefined();
    const before = Object.keys(globalThis).length;
    const core = await import('./index.js');
    expect(typeof core.createCartlift).toBe('function');
    expect(Object.keys(globalThis).length).toBe(before);
  });
});
