import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import zxcvbn from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { ApiError } from '../kernel/errors';

const { ZxcvbnFactory } = zxcvbn;

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
// N=2^15 costs ~50 ms here: slow for guessing, fine for a sign-in.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** scrypt from node:crypto; the stored form says its own parameters so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a random password, for comparing against when the account does not exist (constant time). */
export const decoyHash = hashPassword(randomBytes(12).toString('hex'));

/** A password's guessability, as zxcvbn-ts (the maintained TypeScript zxcvbn) estimates it: 0 to 4. */
const estimator = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEn.translations,
});

/** 3: "safely unguessable: moderate protection from offline slow-hash scenarios" (zxcvbn's own scale). */
const STRONG_ENOUGH = 3;

/**
 * Refuses a password that is easy to guess (`password12`, `1234567890`, the person's own name), with what
 * to do instead: 400 `weak_password` on the `password` field. `related`: the account's email and name.
 */
export function checkStrength(password: string, related: string[]): void {
  const result = estimator.check(password, related.flatMap((r) => [r, ...r.split(/[@.\s]+/)]).filter(Boolean));
  if (result.score >= STRONG_ENOUGH) return;
  const why = result.feedback.warning ?? 'It is too easy to guess.';
  const tip = result.feedback.suggestions[0] ?? 'Use a few uncommon words, or a longer phrase.';
  const message = `too easy to guess. ${why} ${tip}`;
  throw new ApiError(400, 'weak_password', `password: ${message}`, [{ path: 'password', message }]);
}
