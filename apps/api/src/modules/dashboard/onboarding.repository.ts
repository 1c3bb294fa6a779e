import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

/** The facts behind a new organization's first-run checklist: each a count or an existence check on an indexed, small table. */
@Injectable()
export class OnboardingRepository {
  constructor(private readonly prisma: PrismaService) {}

  async facts(organizationId: string) {
    const [underReview, zones, sso, apiKeys, extensionSeen, published, org] = await Promise.all([
      this.prisma.provider.count({ where: { organizationId, status: 'under_review' } }),
      this.prisma.networkZone.count({ where: { organizationId } }),
      this.prisma.ssoConnection.findUnique({ where: { organizationId }, select: { enabled: true, protocol: true, issuer: true, samlIdpEntityId: true } }),
      // A key made by a person (the bootstrap key of AIRLOCK_BOOTSTRAP_API_KEY has no creator).
      this.prisma.apiClient.count({ where: { organizationId, revokedAt: null, createdById: { not: null } } }),
      // The browser extension's key has been used: the extension called in at least once.
      this.prisma.apiKey.count({ where: { organizationId, lastUsedAt: { not: null }, client: { scopes: { has: 'extension' } } } }),
      // A version a person published (version 1 is the initial policy the first start publishes).
      this.prisma.policyVersion.count({ where: { organizationId, authorId: { not: null } } }),
      this.prisma.organization.findUnique({ where: { id: organizationId }, select: { onboardingDismissedAt: true } }),
    ]);
    return {
      underReview,
      zones,
      ssoConfigured: !!sso && sso.enabled && (sso.protocol === 'saml' ? !!sso.samlIdpEntityId : !!sso.issuer),
      apiKeys,
      extensionSeen,
      published,
      dismissedAt: org?.onboardingDismissedAt ?? null,
    };
  }

  setDismissed(organizationId: string, at: Date | null) {
    return this.prisma.organization.update({ where: { id: organizationId }, data: { onboardingDismissedAt: at }, select: { onboardingDismissedAt: true } });
  }
}
