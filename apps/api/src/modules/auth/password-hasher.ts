import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane). `Algorithm` is a
 * const enum in the package's typings, which isolated-module compilers cannot inline: 2 = Argon2id.
 */
const ARGON2ID = 2;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verified against when the e-mail is unknown, so a miss costs the same time as a wrong password. */
let dummy: Promise<string> | null = null;
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('airlock-timing-equaliser');
  await verifyPassword(await dummy, password);
}

/** The password rules for local accounts (NIST 800-63B: length over composition). */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if (password.length < 12) problems.push('must be at least 12 characters');
  if (password.length > 256) problems.push('must be at most 256 characters');
  if (email && password.toLowerCase().includes(email.toLowerCase().split('@')[0] ?? '\u0000')) problems.push('must not contain your e-mail name');
  if (/^(.)\1+$/.test(password)) problems.push('must not be one repeated character');
  return problems;
}
