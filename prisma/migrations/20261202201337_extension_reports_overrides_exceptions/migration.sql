-- AlterTable
ALTER TABLE "DecisionLog" ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'api';

-- CreateTable
CREATE TABLE "DecisionOverrideRollup" (
    "organizationId" UUID NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "subjectGroup" TEXT NOT NULL,
    "warned" INTEGER NOT NULL,
    "overridden" INTEGER NOT NULL,

    CONSTRAINT "DecisionOverrideRollup_pkey" PRIMARY KEY ("organizationId","bucket","providerSlug","subjectGroup")
);

-- CreateTable
CREATE TABLE "ReportedDecision" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportedDecision_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "PolicyException" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "subjectEmail" TEXT,
    "subjectGroup" TEXT,
    "providerId" UUID,
    "dataClass" TEXT,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "createdByLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    "revokedByLabel" TEXT,

    CONSTRAINT "PolicyException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportedDecision_time_idx" ON "ReportedDecision"("time");

-- CreateIndex
CREATE INDEX "PolicyException_organizationId_expiresAt_idx" ON "PolicyException"("organizationId", "expiresAt");

-- AddForeignKey
ALTER TABLE "DecisionOverrideRollup" ADD CONSTRAINT "DecisionOverrideRollup_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportedDecision" ADD CONSTRAINT "ReportedDecision_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An exception names a person or a group, never both or neither.
ALTER TABLE "PolicyException" ADD CONSTRAINT "PolicyException_one_subject"
  CHECK (("subjectEmail" IS NULL) <> ("subjectGroup" IS NULL));

-- Every instance holds the organization's exceptions in memory (the decision path and /v1/bundle):
-- any change, whoever makes it, notifies them and they reload that organization.
CREATE FUNCTION "airlock_notify_exceptions"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('airlock_exceptions', OLD."organizationId"::text);
  ELSE
    PERFORM pg_notify('airlock_exceptions', NEW."organizationId"::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "PolicyException_notify"
  AFTER INSERT OR UPDATE OR DELETE ON "PolicyException"
  FOR EACH ROW EXECUTE FUNCTION "airlock_notify_exceptions"();
