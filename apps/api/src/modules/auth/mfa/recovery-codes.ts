import { randomInt } from 'node:crypto';
import { sha256Hex } from '../tokens';

/** Lower-case letters and digits without the look-alikes (0/o, 1/l/i): 31 symbols, ~4.95 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** One code: 10 symbols (~49.5 bits), shown as xxxxx-xxxxx. */
export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** What is stored: SHA-256 of the user's id and the code without dashes (codes are random, so no slow hash is needed). */
export function recoveryCodeHash(userId: string, code: string): string {
  return sha256Hex(`recovery:${userId}:${code.replace(/[\s-]+/g, '').toLowerCase()}`);
}
