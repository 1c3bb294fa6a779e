import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { SsoConnectionRepository } from './sso-connection.repository';

/** What the browser carries between /sso/start and /sso/callback: sealed, so it can neither read nor change it. */
export interface SsoState {
  organizationId: string;
  connectionId: string;
  /** What the passport strategy keeps in req.session: PKCE code verifier, state, nonce. */
  checks: Record<string, unknown>;
  /** The console path to open after sign-in (checked by consoleReturnPath when the sign-in started). */
  returnTo?: string;
  /** The console's "Try a sign-in": report what the provider sent, sign nobody in (works while SSO is off). */
  test?: boolean;
  expiresAt: number;
}

export const SSO_STATE_TTL_SECONDS = 600;
const VERSION = 'v1';

/**
 * Seals the SSO state in an AES-256-GCM cookie (authenticated encryption: confidentiality and
 * integrity). The key comes from AIRLOCK_SECRET when set, otherwise from a random secret generated
 * once and stored in the database, so every instance can open what another sealed. This replaces a
 * general session store: the state lives ten minutes, in the browser that started the sign-in.
 */
@Injectable()
export class SsoStateSealer {
  private key: Promise<Buffer> | null = null;

  constructor(
    private readonly repo: SsoConnectionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keyOnce(): Promise<Buffer> {
    this.key ??= (async () => {
      if (this.config.secret) return createHash('sha256').update(`sso-state\n${this.config.secret}`).digest();
      const value = await this.repo.instanceSecret('sso-state', randomBytes(32).toString('base64'));
      return Buffer.from(value, 'base64');
    })().catch((err: unknown) => {
      this.key = null;
      throw err;
    });
    return this.key;
  }

  async seal(state: Omit<SsoState, 'expiresAt'>, now = Date.now()): Promise<string> {
    const key = await this.keyOnce();
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(VERSION));
    const plain = Buffer.from(JSON.stringify({ ...state, expiresAt: now + SSO_STATE_TTL_SECONDS * 1000 }), 'utf8');
    const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [VERSION, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The state, or null when missing, forged, altered or expired. */
  async open(value: string | undefined, now = Date.now()): Promise<SsoState | null> {
    if (!value || value.length > 8192) return null;
    const [version, iv, sealed, tag] = value.split('.');
    if (version !== VERSION || !iv || !sealed || !tag) return null;
    const authTag = Buffer.from(tag, 'base64url');
    // GCM accepts truncated tags; only the full 16 bytes make forgery infeasible.
    if (authTag.length !== 16) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', await this.keyOnce(), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(Buffer.from(VERSION));
      decipher.setAuthTag(authTag);
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]);
      const state = JSON.parse(plain.toString('utf8')) as SsoState;
      if (typeof state.expiresAt !== 'number' || state.expiresAt <= now) return null;
      return state;
    } catch {
      return null;
    }
  }
}
