-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "publicId" UUID NOT NULL DEFAULT gen_random_uuid();

-- CreateIndex
CREATE UNIQUE INDEX "Session_publicId_key" ON "Session"("publicId");
