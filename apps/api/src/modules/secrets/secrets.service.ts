import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { LocalStateStore } from '../../database/local-state';
import { SecretsRepository } from './secrets.repository';

/**
 * Installation secrets: derived from AIRLOCK_SECRET when set, otherwise generated once and kept in
 * the database so that every instance agrees. Used for the keyed hash of decision content (which
 * lets an analyst see that two decisions were about the same text without ever storing it), and
 * to seal the TOTP secrets of second factors (AES-256-GCM under a key of their own).
 */
@Injectable()
export class SecretsService {
  private contentKey: Buffer | null = null;
  private directoryKey: Buffer | null = null;
  private sealKey: Promise<Buffer> | null = null;
  private discoveryKey: Promise<Buffer> | null = null;

  constructor(
    private readonly repo: SecretsRepository,
    private readonly localState: LocalStateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async init(): Promise<void> {
    this.contentKey = await this.secret('content-hmac');
    this.directoryKey = await this.secret('directory-salt');
    // Generated ones are kept with the last-known-good state (derived ones need nothing kept).
    if (!this.config.secret) {
      this.localState.putSecret('content-hmac', this.contentKey.toString('base64'));
      this.localState.putSecret('directory-salt', this.directoryKey.toString('base64'));
    }
  }

  /**
   * The decision path's keys without the database (a start from the last-known-good state):
   * derived from AIRLOCK_SECRET when set, otherwise as saved. False when the state lacks them.
   */
  async initFromSaved(saved: Record<string, string>): Promise<boolean> {
    if (this.config.secret) {
      await this.init();
      return true;
    }
    const content = saved['content-hmac'];
    const directory = saved['directory-salt'];
    if (!content || !directory) return false;
    this.contentKey = Buffer.from(content, 'base64');
    this.directoryKey = Buffer.from(directory, 'base64');
    return true;
  }

  private async secret(name: string): Promise<Buffer> {
    if (this.config.secret) return createHash('sha256').update(`${name}\n${this.config.secret}`).digest();
    const generated = randomBytes(32).toString('base64');
    return Buffer.from(await this.repo.getOrCreate(name, generated), 'base64');
  }

  /**
   * The salt of an organization's hashed directory in /v1/bundle (base64url, 128 bits): the same on
   * every instance and across restarts (bundles keep their ETag), different for every organization
   * and installation.
   */
  directorySalt(organizationId: string): string {
    if (!this.directoryKey) throw new Error('SecretsService.init() was not called');
    return createHmac('sha256', this.directoryKey).update(organizationId, 'utf8').digest('base64url').slice(0, 22);
  }

  private sealKeyOnce(): Promise<Buffer> {
    this.sealKey ??= this.secret('mfa-seal').catch((err: unknown) => {
      this.sealKey = null;
      throw err;
    });
    return this.sealKey;
  }

  /**
   * Seals a small secret (a TOTP key) with AES-256-GCM: `v1.<iv>.<ciphertext>.<tag>`. `context` is
   * authenticated too (the user's id), so a sealed value copied onto another row does not open.
   */
  async seal(plain: string, context: string): Promise<string> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await this.sealKeyOnce(), iv);
    cipher.setAAD(Buffer.from(`v1\n${context}`));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  /** The sealed secret, or throws when it was altered, moved to another context or sealed under another key. */
  async open(value: string, context: string): Promise<string> {
    const [version, iv, sealed, tag] = value.split('.');
    if (version !== 'v1' || !iv || !sealed || !tag) throw new Error('Not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', await this.sealKeyOnce(), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(`v1\n${context}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * The key discovery pseudonymises people with (HMAC-SHA256 of the user name or address): one per
   * organization, derived from an installation secret of its own, so the same person gets the same
   * id in every import of that organization and a different one in every other organization.
   */
  async discoveryPseudonymKey(organizationId: string): Promise<Buffer> {
    this.discoveryKey ??= this.secret('discovery-pseudonyms').catch((err: unknown) => {
      this.discoveryKey = null;
      throw err;
    });
    return createHmac('sha256', await this.discoveryKey).update(organizationId, 'utf8').digest();
  }

  /** HMAC-SHA256 of content under the installation key (hex). */
  contentHmac(text: string): string {
    if (!this.contentKey) throw new Error('SecretsService.init() was not called');
    return createHmac('sha256', this.contentKey).update(text, 'utf8').digest('hex');
  }
}
