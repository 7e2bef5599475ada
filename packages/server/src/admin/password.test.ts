import { scryptSync } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { generatePassword, hashPassword, SCRYPT_PARAMS, verifyPassword } from './password.js';

describe('password hashing', () => {
  test('hashes as scrypt$N$r$p$salt$hash with a fresh salt, and verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(SCRYPT_PARAMS).toEqual({ N: 32768, r: 8, p: 1 });
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery staple', second)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  test('a hash it cannot read, or one asking for absurd cost, is a mismatch, not a crash', async () => {
    const good = await hashPassword('pw-1234567890');
    const [, , , , salt, key] = good.split('$');
    for (const stored of ['', 'plain', 'bcrypt$x', `scrypt$1000$8$1$${salt}$${key}`, `scrypt$${2 ** 24}$8$1$${salt}$${key}`, `scrypt$32768$8$1$$${key}`]) {
      expect(await verifyPassword('pw-1234567890', stored)).toBe(false);
    }
  });

  test('a hash made with other parameters still verifies (the cost can be raised later)', async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync('pw', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const stored = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('pw', stored)).toBe(true);
    expect(await verifyPassword('pw2', stored)).toBe(false);
  });

  test('unicode passwords are compared in one normal form', async () => {
    const stored = await hashPassword('caf\u00e9-pass-word');
    expect(await verifyPassword('cafe\u0301-pass-word', stored)).toBe(true);
  });

  test('generated passwords are long and distinct', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
