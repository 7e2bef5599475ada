import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N=2^15, r=8, p=1 (OWASP's floor for scrypt); about 32 MiB and tens of milliseconds per hash. */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Bounds on what a stored hash may ask for, so a tampered row cannot make verification eat the machine.
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r bytes; Node refuses at exactly its 32 MiB default, so the limit is set with room. */
const maxmem = (N: number, r: number, p: number) => 128 * N * r * (p + 1) + 1024 * 1024;

function derive(password: string, salt: Buffer, N: number, r: number, p: number, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, { N, r, p, maxmem: maxmem(N, r, p) }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/**
 * Hashes a password with Node's scrypt (OpenSSL) and a random 16-byte salt,
 * as `scrypt$N$r$p$saltB64$hashB64`, so the cost can be raised later without
 * losing the hashes made before.
 *
 * @example
 * await hashPassword('correct horse battery staple') // 'scrypt$32768$8$1$Qm9...$3q2...'
 */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = SCRYPT_PARAMS;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, N, r, p, KEY_BYTES);
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : Number.NaN)) as [number, number, number];
  // N must be a power of two above 1; scrypt itself would throw otherwise.
  if (!(N > 1 && N <= MAX_N && (N & (N - 1)) === 0 && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const key = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { N, r, p, salt, key };
}

/**
 * True when `password` matches a hash made by `hashPassword`; false for a
 * wrong password or a hash it cannot read. The comparison takes the same
 * time wherever the bytes differ.
 *
 * @example
 * await verifyPassword('correct horse battery staple', user.passwordHash) // true
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.N, parsed.r, parsed.p, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/**
 * A password to print once: 24 random bytes in base64url (192 bits, 32 characters).
 *
 * @example
 * generatePassword() // 'q3T0mXg8v0b0PpJm1x3m2Q2xkE6m9tZb'
 */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/** The shortest password `admin add --password-stdin` takes. */
export const MIN_PASSWORD_LENGTH = 12;
