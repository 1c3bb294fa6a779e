-- SSO-only per organization: password sign-in (and password reset, invitation passwords) refused for
-- everyone but the named break-glass owner. The owner is a user of the same organization; deleting
-- that user clears the setting's owner (the service then refuses to keep SSO-only on without one).

-- AlterTable
ALTER TABLE "SsoConnection" ADD COLUMN "ssoOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "breakGlassUserId" UUID;

-- AddForeignKey
ALTER TABLE "SsoConnection" ADD CONSTRAINT "SsoConnection_breakGlassUserId_fkey" FOREIGN KEY ("breakGlassUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
