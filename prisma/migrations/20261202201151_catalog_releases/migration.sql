-- AlterTable
ALTER TABLE "Provider" ADD COLUMN     "accountTypes" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "catalogBaseline" JSONB,
ADD COLUMN     "sharedHosts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "unknownFacts" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "CatalogUpdate" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "releaseId" TEXT NOT NULL,
    "releaseDate" TEXT,
    "previousRelease" TEXT,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "riskChanges" JSONB NOT NULL DEFAULT '[]',
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewedById" UUID,
    "reviewNote" TEXT,

    CONSTRAINT "CatalogUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CatalogUpdate_organizationId_appliedAt_idx" ON "CatalogUpdate"("organizationId", "appliedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogUpdate_organizationId_releaseId_key" ON "CatalogUpdate"("organizationId", "releaseId");

-- AddForeignKey
ALTER TABLE "CatalogUpdate" ADD CONSTRAINT "CatalogUpdate_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
