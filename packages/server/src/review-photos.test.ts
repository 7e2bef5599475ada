import sharp from 'sharp';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { jpegWithGps, pngWithText, webp } from '../test/photo-fixtures.js';
import { storeVariants, useHarness, type Harness } from '../test/harness.js';
import { MAX_PHOTO_BYTES } from './reviews/photos.js';

async function upload(h: Harness, bytes: Uint8Array, type = 'image/jpeg', ip = '198.51.100.20') {
  const response = await h.handler(
    new Request(`http://cartlift.test${h.handler.basePath}/reviews/photos`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: bytes as Uint8Array<ArrayBuffer>,
    }),
    { clientIp: ip },
  );
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

async function download(h: Harness, url: string) {
  const response = await h.handler(new Request(`http://cartlift.test${url}`), { clientIp: '198.51.100.20' });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

const folder = await mkdtemp(join(tmpdir(), 'cartlift-photos-'));
afterAll(() => rm(folder, { recursive: true, force: true }));

describe.each([
  ...storeVariants().map((v) => ({ ...v, where: 'the store', photoFolder: undefined })),
  { ...storeVariants()[0]!, where: 'a folder', photoFolder: folder },
])('POST /reviews/photos on $name, kept in $where', ({ open, photoFolder }) => {
  const h = useHarness(open, { reviews: { acceptUnverified: true, ...(photoFolder ? { photoFolder } : {}), perHour: { photos: 1000 } } });

  test('a JPEG with GPS EXIF comes back upright, re-encoded, without any EXIF, served with its type, nosniff, a long cache and CORP', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif?.length).toBeGreaterThan(0);
    expect(text(original)).toContain('Secret Photographer');
    expect(text(original)).toContain('WGS-84');
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const { status, body } = await upload(h, original, 'application/octet-stream');
    expect(status).toBe(201);
    // Orientation 6 turned 64 × 48 into 48 × 64.
    expect(body).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/), type: 'image/jpeg', width: 48, height: 64 });
    const served = await download(h, body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toContain('max-age=31536000');
    expect(served.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const meta = await sharp(served.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(text(served.bytes)).not.toContain('Secret Photographer');
    expect(text(served.bytes)).not.toContain('WGS-84');
    if (photoFolder) {
      expect(await readdir(photoFolder)).toContain(`${body.id}.jpg`);
      // A file removed by hand is a 404, not a 500.
      await rm(join(photoFolder, `${body.id}.jpg`));
      expect((await download(h, body.url)).status).toBe(404);
    }
  });

  test('a PNG with a tEXt chunk comes back without it; a WebP is kept a WebP', async () => {
    const original = await pngWithText('<script>alert(1)</script> home: 30.25N 120.17E');
    expect((await sharp(original).metadata()).comments?.[0]?.text).toContain('home');
    const { status, body } = await upload(h, original, 'image/png');
    expect(status).toBe(201);
    const served = await download(h, body.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(served.bytes).metadata()).comments).toBeUndefined();
    expect(text(served.bytes)).not.toContain('home');
    const w = await upload(h, await webp(), 'image/webp');
    expect(w.body.type).toBe('image/webp');
    expect((await download(h, w.body.url)).headers.get('content-type')).toBe('image/webp');
  });

  test('an HTML file named and typed as a JPEG is refused by its bytes (415 naming the types)', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
    const { status, body } = await upload(h, html, 'image/jpeg');
    expect(status).toBe(415);
    expect(body.error.message).toBe(
      'A review photo must be a JPEG, PNG or WebP image; these bytes are none of them (the type is read from the file, not its name or Content-Type).',
    );
  });

  test('polyglots: a JPEG signature over HTML, and a PNG signature over a GIF, are refused; HTML appended to a real JPEG does not survive', async () => {
    const fakeJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<html><script>alert(1)</script></html>')]);
    const refused = await upload(h, fakeJpeg);
    expect(refused.status).toBe(415);
    expect(refused.body.error.message).toMatch(/^A review photo must be a JPEG, PNG or WebP image; this jpeg file does not decode/);
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    const pngOverGif = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), gif]);
    expect((await upload(h, pngOverGif)).status).toBe(415);
    const appended = Buffer.concat([await jpegWithGps(), Buffer.from('<script>alert("polyglot")</script>')]);
    const kept = await upload(h, appended);
    expect(kept.status).toBe(201);
    expect(text((await download(h, kept.body.url)).bytes)).not.toContain('polyglot');
  });

  test('5 MB is accepted as a size; 5 MB + 1 byte is refused with 413 naming the limit', async () => {
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    const { status, body } = await upload(h, big);
    expect(status).toBe(413);
    expect(body.error.message).toBe(`A review photo must be at most 5 MB (${MAX_PHOTO_BYTES} bytes); received more.`);
    // Exactly the limit gets past the size check to the decoder (and fails there, being zeros).
    const exact = new Uint8Array(MAX_PHOTO_BYTES);
    exact.set([0xff, 0xd8, 0xff]);
    expect((await upload(h, exact)).status).toBe(415);
  });

  test('an unknown or malformed photo id is 404', async () => {
    expect((await download(h, `${h.handler.basePath}/reviews/photos/AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await download(h, `${h.handler.basePath}/reviews/photos/..%2F..%2Fetc`)).status).toBe(404);
  });
});
