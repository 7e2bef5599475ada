import type { HandlerContext as RequestContext } from '../http/node.js';
import { readBodyBytes } from '../http/body.js';
import { HttpError, json } from '../http/errors.js';
import type { HandlerContext } from '../options.js';
import type { RateLimiter } from '../rate-limit.js';
import { MAX_PHOTO_BYTES, newPhotoId, photoBytes, reencodePhoto, writePhotoFile } from '../reviews/photos.js';
import { clientIp } from './client.js';
import { takeReviewAllowance } from './review-limits.js';

const tooLarge = () => new HttpError(413, 'photo_too_large', `A review photo must be at most 5 MB (${MAX_PHOTO_BYTES} bytes); received more.`, 'body');

/**
 * `POST /reviews/photos`: the image itself as the body (any Content-Type: the
 * bytes decide). Answers 201 `{ id, url, width, height, type }`; the id goes
 * in a review's `photos` within the review's `POST /reviews`.
 *
 * @example
 * { method: 'POST', path: '/reviews/photos', handler: uploadPhotoRoute(ctx, limiter) }
 */
export function uploadPhotoRoute(ctx: HandlerContext, limiter: RateLimiter) {
  return async (request: Request, context?: RequestContext): Promise<Response> => {
    await takeReviewAllowance(ctx, limiter, 'photos', clientIp(ctx, request, context));
    const upload = await readBodyBytes(request, MAX_PHOTO_BYTES, tooLarge);
    if (upload.byteLength === 0) throw new HttpError(400, 'empty_photo', 'The request body must be the photo; received none.', 'body');
    const photo = await reencodePhoto(upload);
    const id = newPhotoId();
    const folder = ctx.reviews.photoFolder;
    const kept = folder ? { file: await writePhotoFile(folder, id, photo.type, photo.bytes) } : { bytes: photo.bytes };
    const store = await ctx.store();
    await store.addReviewPhoto({ id, ...kept, type: photo.type, width: photo.width, height: photo.height, createdAt: ctx.now() });
    return json({ id, url: `${ctx.basePath}/reviews/photos/${id}`, width: photo.width, height: photo.height, type: photo.type }, 201);
  };
}

/**
 * `GET /reviews/photos/<id>`: a stored photo with its own type, `nosniff`,
 * a year's cache (a photo never changes under its id) and
 * `Cross-Origin-Resource-Policy: cross-origin` so a shop's page on another origin may show it.
 *
 * @example
 * { method: 'GET', path: '/reviews/photos/*', handler: photoRoute(ctx) }
 */
export function photoRoute(ctx: HandlerContext) {
  return async (request: Request): Promise<Response> => {
    const id = new URL(request.url).pathname.split('/').pop() ?? '';
    const notFound = new HttpError(404, 'unknown_photo', `No review photo has the id ${JSON.stringify(id.slice(0, 40))}.`, 'id');
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw notFound;
    const store = await ctx.store();
    const photo = await store.reviewPhoto(id);
    const bytes = photo ? await photoBytes(photo, ctx.reviews.photoFolder) : null;
    if (!photo || !bytes) throw notFound;
    return new Response(request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), {
      headers: {
        'content-type': photo.type,
        'content-length': String(bytes.byteLength),
        'x-content-type-options': 'nosniff',
        'cache-control': 'public, max-age=31536000, immutable',
        'cross-origin-resource-policy': 'cross-origin',
        'content-security-policy': "default-src 'none'; sandbox",
      },
    });
  };
}
