import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API keys look like GitHub's tokens: `ak_` + 30 base62 characters (178 random bits) + a 6-character
 * base62 CRC32 of those 30. A secret scanner can recognise a leaked key offline (pattern plus
 * checksum) without false positives; the server stores only the SHA-256.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BODY_LENGTH = 30;
const CHECKSUM_LENGTH = 6;
export const API_KEY_PATTERN = /^ak_[0-9A-Za-z]{36}$/;

function base62(n: number, width: number): string {
  let out = '';
  let v = n >>> 0;
  for (let i = 0; i < width; i++) {
    out = ALPHABET[v % 62]! + out;
    v = Math.floor(v / 62);
  }
  return out;
}

function checksum(body: string): string {
  return base62(crc32(body), CHECKSUM_LENGTH);
}

export function generateApiKey(): string {
  // Rejection sampling keeps every character uniform.
  let body = '';
  while (body.length < BODY_LENGTH) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && body.length < BODY_LENGTH) body += ALPHABET[byte % 62];
    }
  }
  return `ak_${body}${checksum(body)}`;
}

/** True when the string has the key format and its checksum holds. */
export function isWellFormedApiKey(key: string): boolean {
  if (!API_KEY_PATTERN.test(key)) return false;
  const body = key.slice(3, 3 + BODY_LENGTH);
  return key.slice(3 + BODY_LENGTH) === checksum(body);
}

/** What lists show: enough to tell keys apart, useless to an attacker. */
export function apiKeyPrefix(key: string): string {
  return key.startsWith('ak_') ? key.slice(0, 11) : `${key.slice(0, 6)}…`;
}
