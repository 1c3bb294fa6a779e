-- The decisions.blocked webhook (issue #19): each API instance counts blocked decisions in memory
-- per organization and minute, and writes one row per organization and closed minute here (the
-- counts by AI service, rule, channel and group; never text). The summary adds a window's rows of
-- every instance up and deletes them under an advisory lock, so each window is sent once.

-- CreateTable
CREATE TABLE "BlockedDecisionTally" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "instanceId" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlockedDecisionTally_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BlockedDecisionTally_windowStart_idx" ON "BlockedDecisionTally"("windowStart");

-- AddForeignKey
ALTER TABLE "BlockedDecisionTally" ADD CONSTRAINT "BlockedDecisionTally_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
