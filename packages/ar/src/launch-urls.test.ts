import { describe, expect, it } from 'vitest';
import { FALLBACK_MARK, hasMark, markedUrl, quickLookHref, READY_MARK, sceneViewerIntent } from './launch-urls.js';

describe('quickLookHref', () => {
  it('puts Apple’s banner parameters in the fragment, encoded, and leaves empty ones out', () => {
    const href = quickLookHref('https://shop.example/m/teapot.usdz', { callToAction: '加入购物车', checkoutTitle: 'Pot & lid', price: '' });
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe('https://shop.example/m/teapot.usdz');
    const params = new URLSearchParams(url.hash.slice(1));
    expect(Object.fromEntries(params)).toEqual({ callToAction: '加入购物车', checkoutTitle: 'Pot & lid' });
  });
});

describe('sceneViewerIntent', () => {
  it('builds Google’s explicit ARCore intent with the GLB, ar_preferred, the title and the fallback page', () => {
    const intent = sceneViewerIntent('https://shop.example/teapot.glb', 'Yixing teapot', 'https://shop.example/p?x=1#cartlift-ar-fallback=POT');
    const [, query, extras] = /^intent:\/\/arvr\.google\.com\/scene-viewer\/1\.0\?([^#]+)#Intent;(.+);end;$/.exec(intent)!;
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ file: 'https://shop.example/teapot.glb', mode: 'ar_preferred', title: 'Yixing teapot' });
    const fields = Object.fromEntries(extras!.split(';').map((field) => field.split('=') as [string, string]));
    expect(fields).toMatchObject({ scheme: 'https', package: 'com.google.ar.core', action: 'android.intent.action.VIEW' });
    expect(decodeURIComponent(fields['S.browser_fallback_url']!)).toBe('https://shop.example/p?x=1#cartlift-ar-fallback=POT');
  });
});

describe('marks', () => {
  it('replaces the page’s fragment with the mark and finds it again for that sku only', () => {
    const url = markedUrl('https://shop.example/p?lang=zh-CN#reviews', READY_MARK, 'POT YIXING');
    expect(url).toBe('https://shop.example/p?lang=zh-CN#cartlift-ar=POT%20YIXING');
    expect(hasMark(new URL(url).hash, READY_MARK, 'POT YIXING')).toBe(true);
    expect(hasMark(new URL(url).hash, READY_MARK, 'CUP')).toBe(false);
    expect(hasMark(new URL(url).hash, FALLBACK_MARK, 'POT YIXING')).toBe(false);
  });
});
