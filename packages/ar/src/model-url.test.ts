import { describe, expect, it } from 'vitest';
import { modelUrl } from './model-url.js';

describe('modelUrl', () => {
  it('accepts https anywhere and resolves a relative URL against the page', () => {
    expect(modelUrl('glb', 'https://cdn.example/t.glb', 'http://localhost:4000/')).toBe('https://cdn.example/t.glb');
    expect(modelUrl('usdz', '/models/teapot.usdz', 'https://shop.example/p/pot')).toBe('https://shop.example/models/teapot.usdz');
  });

  it('accepts a same-origin http URL (development)', () => {
    expect(modelUrl('glb', '/models/teapot.glb', 'http://127.0.0.1:4420/')).toBe('http://127.0.0.1:4420/models/teapot.glb');
  });

  it.each([
    ['an http URL on another host', 'http://cdn.example/t.glb', 'not "http://cdn.example/t.glb"'],
    ['a javascript: URL', 'javascript:alert(1)', 'not "javascript:alert(1)"'],
    ['nothing', null, 'not null'],
  ])('refuses %s with one sentence naming the attribute, expected and received', (_case, value, received) => {
    expect(() => modelUrl('glb', value, 'https://shop.example/')).toThrow(
      `Cartlift: <cartlift-ar-button> glb must be an https URL (or same-origin in development), ${received}; the button is hidden.`,
    );
  });
});
