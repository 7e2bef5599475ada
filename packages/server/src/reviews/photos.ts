import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { HttpError } from '../http/errors.js';
import type { StoredReviewPhoto } from '../store/types.js';

/** The largest photo accepted: 5 MB. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** The longest side a stored photo keeps: enough for a zoomed review photo, a fraction of a camera's bytes. */
export const MAX_PHOTO_SIDE = 2000;
/** Pixels a photo may decode to (a 5 MB file can claim to be 60000 × 60000: a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

type PhotoType = StoredReviewPhoto['type'];
const FORMATS: Record<PhotoType, 'jpeg' | 'png' | 'webp'> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };
export const PHOTO_EXTENSIONS: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const unsupported = (detail: string) => new HttpError(415, 'unsupported_photo', `A review photo must be a JPEG, PNG or WebP image; ${detail}.`, 'body');

/**
 * The image type the bytes begin with (their signature), or null: the
 * Content-Type header and the file name are the client's word, the bytes are the file.
 *
 * @example
 * sniffPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // "image/jpeg"
 */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  const starts = (signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * A shopper's upload made safe to serve: the type read from the bytes, the
 * image decoded in full (anything that is not one whole image of that type
 * is refused, 415), turned upright by its EXIF orientation, shrunk to
 * `MAX_PHOTO_SIDE`, and encoded again. The new file carries no metadata
 * (EXIF, GPS, XMP, ICC, PNG text chunks) and none of the original's other
 * bytes, so HTML or script appended to an image does not survive.
 *
 * @example
 * const { bytes, type, width, height } = await reencodePhoto(upload)
 */
export async function reencodePhoto(upload: Uint8Array): Promise<{ bytes: Uint8Array; type: PhotoType; width: number; height: number }> {
  const type = sniffPhotoType(upload);
  if (!type) throw unsupported('these bytes are none of them (the type is read from the file, not its name or Content-Type)');
  try {
    const image = sharp(upload, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS });
    const { format } = await image.metadata();
    if (format !== FORMATS[type]) throw unsupported(`the file starts as ${FORMATS[type]} but decodes as ${format}`);
    // sharp writes no metadata unless asked (keepMetadata/withMetadata): nothing is carried over.
    const pipeline = image.rotate().resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded =
      type === 'image/jpeg'
        ? pipeline.jpeg({ quality: 85, mozjpeg: true })
        : type === 'image/png'
          ? pipeline.png({ compressionLevel: 9 })
          : pipeline.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), type, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw unsupported(`this ${FORMATS[type]} file does not decode (${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'})`);
  }
}

/**
 * A new photo id: 144 random bits, base64url (the photo URL names nothing else).
 *
 * @example
 * newPhotoId() // "b3Jx0K…" (24 characters)
 */
export function newPhotoId(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Writes a re-encoded photo under `folder`, named by its id (never by anything the client sent).
 *
 * @example
 * await writePhotoFile('/var/photos', id, 'image/jpeg', bytes) // "<id>.jpg"
 */
export async function writePhotoFile(folder: string, id: string, type: PhotoType, bytes: Uint8Array): Promise<string> {
  const file = `${id}.${PHOTO_EXTENSIONS[type]}`;
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, file), bytes, { flag: 'wx' });
  return file;
}

/**
 * A stored photo's bytes: from the store, or from its file under `folder` (null when that file is gone: a 404, not a 500).
 *
 * @example
 * const bytes = await photoBytes(await store.reviewPhoto(id), ctx.reviews.photoFolder)
 */
export async function photoBytes(photo: StoredReviewPhoto, folder: string | null): Promise<Uint8Array | null> {
  if (photo.bytes) return photo.bytes;
  if (!photo.file || !folder || !/^[A-Za-z0-9_-]+\.(jpg|png|webp)$/.test(photo.file)) return null;
  try {
    return new Uint8Array(await readFile(join(folder, photo.file)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
