-- SAML 2.0 beside OpenID Connect on the organization's SSO connection (the OIDC columns become
-- optional: a SAML-only connection has none), verified e-mail domains per organization, and the
-- SAML responses already consumed (replay refused on every instance).

-- CreateEnum
CREATE TYPE "SsoProtocol" AS ENUM ('oidc', 'saml');

-- AlterTable
ALTER TABLE "SsoConnection" ADD COLUMN     "protocol" "SsoProtocol" NOT NULL DEFAULT 'oidc',
ADD COLUMN     "samlEmailAttribute" TEXT,
ADD COLUMN     "samlGroupsAttribute" TEXT,
ADD COLUMN     "samlIdpCertificates" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "samlIdpEntityId" TEXT,
ADD COLUMN     "samlMetadataFetchedAt" TIMESTAMPTZ(3),
ADD COLUMN     "samlMetadataUrl" TEXT,
ADD COLUMN     "samlNameAttribute" TEXT,
ADD COLUMN     "samlSloUrl" TEXT,
ADD COLUMN     "samlSpCertificate" TEXT,
ADD COLUMN     "samlSpPrivateKey" TEXT,
ADD COLUMN     "samlSsoUrl" TEXT,
ALTER COLUMN "issuer" DROP NOT NULL,
ALTER COLUMN "clientId" DROP NOT NULL,
ALTER COLUMN "clientSecret" DROP NOT NULL;

-- CreateTable
CREATE TABLE "OrganizationDomain" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "lastCheckedAt" TIMESTAMPTZ(3),
    "lastCheckError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganizationDomain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlResponseUse" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SamlResponseUse_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "OrganizationDomain_domain_idx" ON "OrganizationDomain"("domain");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationDomain_organizationId_domain_key" ON "OrganizationDomain"("organizationId", "domain");

-- CreateIndex
CREATE INDEX "SamlResponseUse_expiresAt_idx" ON "SamlResponseUse"("expiresAt");

-- AddForeignKey
ALTER TABLE "OrganizationDomain" ADD CONSTRAINT "OrganizationDomain_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A domain is verified for one organization at most (pending claims by several may coexist: the
-- first to publish its TXT record and verify wins; the others' verification is refused).
CREATE UNIQUE INDEX "OrganizationDomain_verified_domain_key" ON "OrganizationDomain"("domain") WHERE "verifiedAt" IS NOT NULL;
