-- AlterEnum
ALTER TYPE "DecisionAction" ADD VALUE 'response';

-- CreateTable
CREATE TABLE "GatewayUpstream" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "api" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "keySealed" TEXT NOT NULL,
    "keyLast4" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "timeoutSeconds" INTEGER NOT NULL DEFAULT 120,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "GatewayUpstream_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GatewayUsageRollup" (
    "organizationId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "apiClientId" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "blocked" INTEGER NOT NULL DEFAULT 0,
    "redacted" INTEGER NOT NULL DEFAULT 0,
    "upstreamErrors" INTEGER NOT NULL DEFAULT 0,
    "streamed" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "addedMillis" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "GatewayUsageRollup_pkey" PRIMARY KEY ("organizationId","bucket","providerSlug","apiClientId","endpoint")
);

-- CreateIndex
CREATE INDEX "GatewayUpstream_organizationId_api_idx" ON "GatewayUpstream"("organizationId", "api");

-- CreateIndex
CREATE UNIQUE INDEX "GatewayUpstream_organizationId_name_key" ON "GatewayUpstream"("organizationId", "name");

-- AddForeignKey
ALTER TABLE "GatewayUpstream" ADD CONSTRAINT "GatewayUpstream_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
