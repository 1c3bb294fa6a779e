import { Injectable } from '@nestjs/common';
import { orgSettings, type OrgSettingsOutput, type orgSettingsUpdate, readOrgSettings } from '@airlock/contracts';
import type { z } from 'zod';
import { Transactions } from '../../database/transactions';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { requireStepUp } from '../auth/mfa/step-up';
import { SettingsRepository } from './settings.repository';

/** Organization settings. Policy-relevant ones (jurisdictions, markings...) take effect on publish. */
@Injectable()
export class SettingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repo: SettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<OrgSettingsOutput> {
    const org = await this.repo.get(organizationId);
    return { id: org.id, name: org.name, slug: org.slug, ...readOrgSettings(org.settings) };
  }

  update(user: UserAuth, input: z.infer<typeof orgSettingsUpdate>): Promise<OrgSettingsOutput> {
    const { name, ...settings } = input;
    return this.transactions.run(async () => {
      const org = await this.repo.get(user.organizationId);
      const before = { name: org.name, ...readOrgSettings(org.settings) };
      // Who must use MFA is itself guarded by a fresh second factor.
      if (
        settings.mfaRequiredRoles !== undefined &&
        [...settings.mfaRequiredRoles].sort().join() !== [...before.mfaRequiredRoles].sort().join()
      )
        requireStepUp(user);
      const afterSettings = orgSettings.parse({ ...readOrgSettings(org.settings), ...settings });
      const updated = await this.repo.update(org.id, { settings: afterSettings as Prisma.InputJsonValue, ...(name ? { name } : {}) });
      const after = { name: updated.name, ...afterSettings };
      await this.audit.record({
        organizationId: org.id,
        actor: actorOf(user),
        action: 'settings.update',
        entityType: 'Organization',
        entityId: org.id,
        before,
        after,
      });
      return { id: updated.id, slug: updated.slug, ...after };
    });
  }
}
