-- CreateTable
CREATE TABLE "SiemDestination" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "transport" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "host" TEXT,
    "port" INTEGER,
    "facility" INTEGER NOT NULL DEFAULT 16,
    "httpPreset" TEXT,
    "url" TEXT,
    "index" TEXT,
    "eventTypes" TEXT[],
    "decisionEffects" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "caCert" TEXT,
    "clientCert" TEXT,
    "clientKeySealed" TEXT,
    "tokenSealed" TEXT,
    "tokenLast4" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiemDestination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiemDeliveryStatus" (
    "destinationId" UUID NOT NULL,
    "instanceId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "queued" INTEGER NOT NULL DEFAULT 0,
    "sent" BIGINT NOT NULL DEFAULT 0,
    "dropped" BIGINT NOT NULL DEFAULT 0,
    "failures" BIGINT NOT NULL DEFAULT 0,
    "lastSuccessAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiemDeliveryStatus_pkey" PRIMARY KEY ("destinationId","instanceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SiemDestination_organizationId_name_key" ON "SiemDestination"("organizationId", "name");

-- CreateIndex
CREATE INDEX "SiemDeliveryStatus_organizationId_idx" ON "SiemDeliveryStatus"("organizationId");

-- AddForeignKey
ALTER TABLE "SiemDestination" ADD CONSTRAINT "SiemDestination_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiemDeliveryStatus" ADD CONSTRAINT "SiemDeliveryStatus_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "SiemDestination"("id") ON DELETE CASCADE ON UPDATE CASCADE;
