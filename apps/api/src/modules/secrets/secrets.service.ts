import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { PrismaService } from '../../database/prisma.service';

/**
 * Installation secrets: derived from AIRLOCK_SECRET when set, otherwise generated once and kept in
 * the database so that every instance agrees. Used for the keyed hash of decision content (which
 * lets an analyst see that two decisions were about the same text without ever storing it).
 */
@Injectable()
export class SecretsService {
  private contentKey: Buffer | null = null;
  private directoryKey: Buffer | null = null;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async init(): Promise<void> {
    this.contentKey = await this.secret('content-hmac');
    this.directoryKey = await this.secret('directory-salt');
  }

  private async secret(name: string): Promise<Buffer> {
    if (this.config.secret) return createHash('sha256').update(`${name}\n${this.config.secret}`).digest();
    const generated = randomBytes(32).toString('base64');
    await this.prisma.instanceSecret.upsert({ where: { name }, create: { name, value: generated }, update: {} });
    const row = await this.prisma.instanceSecret.findUniqueOrThrow({ where: { name } });
    return Buffer.from(row.value, 'base64');
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

  /** HMAC-SHA256 of content under the installation key (hex). */
  contentHmac(text: string): string {
    if (!this.contentKey) throw new Error('SecretsService.init() was not called');
    return createHmac('sha256', this.contentKey).update(text, 'utf8').digest('hex');
  }
}
