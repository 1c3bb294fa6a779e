-- Shadow-AI discovery from imported logs (modules/discovery): one row per import with what was read,
-- and per-day counts of AI hosts by person (keyed hash unless names are shown) and network zone.
-- No log line is stored anywhere.

-- AlterTable: off by default, people are keyed hashes; not a policy setting (never published).
ALTER TABLE "Organization" ADD COLUMN "discoveryShowNames" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "DiscoveryImport" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "createdById" UUID,
    "apiClientId" UUID,
    "uploadId" TEXT,
    "fileName" TEXT,
    "format" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "error" TEXT,
    "totalBytes" BIGINT,
    "bytesProcessed" BIGINT NOT NULL DEFAULT 0,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "records" INTEGER NOT NULL DEFAULT 0,
    "aiRecords" INTEGER NOT NULL DEFAULT 0,
    "ignoredLines" INTEGER NOT NULL DEFAULT 0,
    "badLines" INTEGER NOT NULL DEFAULT 0,
    "badSamples" JSONB NOT NULL DEFAULT '[]',
    "firstSeen" TIMESTAMPTZ(3),
    "lastSeen" TIMESTAMPTZ(3),
    "namesShown" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DiscoveryImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscoveryUsage" (
    "id" BIGSERIAL NOT NULL,
    "organizationId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "host" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "zones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requests" INTEGER NOT NULL,
    "bytesOut" BIGINT,
    "firstSeen" TIMESTAMPTZ(3) NOT NULL,
    "lastSeen" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscoveryUsage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiscoveryImport_organizationId_uploadId_key" ON "DiscoveryImport"("organizationId", "uploadId");

-- CreateIndex
CREATE INDEX "DiscoveryImport_organizationId_startedAt_idx" ON "DiscoveryImport"("organizationId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DiscoveryUsage_importId_day_host_subject_zones_key" ON "DiscoveryUsage"("importId", "day", "host", "subject", "zones");

-- CreateIndex
CREATE INDEX "DiscoveryUsage_organizationId_day_idx" ON "DiscoveryUsage"("organizationId", "day");

-- AddForeignKey
ALTER TABLE "DiscoveryImport" ADD CONSTRAINT "DiscoveryImport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscoveryUsage" ADD CONSTRAINT "DiscoveryUsage_importId_fkey" FOREIGN KEY ("importId") REFERENCES "DiscoveryImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
