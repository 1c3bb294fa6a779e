import { Body, Controller, Get, Put } from '@nestjs/common';
import { orgSettings, orgSettingsUpdate, readOrgSettings } from '@airlock/contracts';
import type { z } from 'zod';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';
import { body } from '../../common/zod-pipe';
import { AuditService } from '../audit/audit.service';
import { Authenticated, CurrentUser } from '../auth/access.decorators';
import { actorOf, type UserAuth } from '../auth/auth-context';
import { requireStepUp } from '../auth/mfa/step-up';

/** Organization settings. Policy-relevant ones (jurisdictions, markings...) take effect on publish. */
@Controller('api/settings')
export class SettingsController {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  @Authenticated({ permission: 'settings.read' })
  @Get()
  async get(@CurrentUser() user: UserAuth) {
    const org = await this.prisma.organization.findUniqueOrThrow({ where: { id: user.organizationId }, select: { id: true, name: true, slug: true, settings: true } });
    return { id: org.id, name: org.name, slug: org.slug, ...readOrgSettings(org.settings) };
  }

  @Authenticated({ permission: 'settings.write' })
  @Put()
  async update(@CurrentUser() user: UserAuth, @Body(body(orgSettingsUpdate)) input: z.infer<typeof orgSettingsUpdate>) {
    const { name, ...settings } = input;
    return this.prisma.$transaction(async (tx) => {
      const org = await tx.organization.findUniqueOrThrow({ where: { id: user.organizationId } });
      const before = { name: org.name, ...readOrgSettings(org.settings) };
      // Who must use MFA is itself guarded by a fresh second factor.
      if (settings.mfaRequiredRoles !== undefined && [...settings.mfaRequiredRoles].sort().join() !== [...before.mfaRequiredRoles].sort().join()) requireStepUp(user);
      const afterSettings = orgSettings.parse({ ...readOrgSettings(org.settings), ...settings });
      const updated = await tx.organization.update({
        where: { id: org.id },
        data: { settings: afterSettings as Prisma.InputJsonValue, ...(name ? { name } : {}) },
      });
      const after = { name: updated.name, ...afterSettings };
      await this.audit.record(tx, { organizationId: org.id, actor: actorOf(user), action: 'settings.update', entityType: 'Organization', entityId: org.id, before, after });
      return { id: updated.id, slug: updated.slug, ...after };
    });
  }
}
