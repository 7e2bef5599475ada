/**
 * Images for the review photo tests, made here rather than checked in: a JPEG
 * carrying GPS EXIF, a PNG carrying a tEXt chunk, and inputs that only pose as images.
 */
import sharp from 'sharp';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A 64 × 48 JPEG with an EXIF GPS position (its datum "WGS-84" readable in the bytes), an artist, and an orientation of 6 (turn 90°). */
export async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .keepExif()
    .withExifMerge({
      IFD0: { Artist: 'Secret Photographer' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1', GPSMapDatum: 'WGS-84' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A 40 × 30 PNG with a tEXt chunk ("Comment": `text`) right after IHDR. */
export async function pngWithText(text: string): Promise<Buffer> {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 160, b: 90 } } })
    .png()
    .toBuffer();
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const type = Buffer.from('tEXt', 'ascii');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  // Signature (8) + IHDR chunk (4 + 4 + 13 + 4 = 25).
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}

/** A small plain WebP. */
export async function webp(): Promise<Buffer> {
  return sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 0, g: 0, b: 255 } } })
    .webp()
    .toBuffer();
}
