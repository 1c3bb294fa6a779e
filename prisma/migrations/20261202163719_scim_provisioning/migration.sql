-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "provisionedBy" TEXT,
ADD COLUMN     "scimDeletedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "User_organizationId_externalId_idx" ON "User"("organizationId", "externalId");
