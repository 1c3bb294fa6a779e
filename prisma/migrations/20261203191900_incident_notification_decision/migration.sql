-- The notification decision of a personal-data breach (issue #19): whether the supervisory
-- authority was notified, when and under which reference, or why not. Recorded on the incident so
-- the 72-hour clock stops once it is decided, and shown with the incident; every change is also a
-- timeline event and an audit event. Incidents before this keep NULL (not decided).

-- CreateEnum
CREATE TYPE "NotificationDecision" AS ENUM ('notified', 'not_notified');

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN "notificationDecision" "NotificationDecision",
ADD COLUMN "notifiedAt" TIMESTAMPTZ(3),
ADD COLUMN "notificationReference" TEXT,
ADD COLUMN "notificationRationale" TEXT,
ADD COLUMN "notificationDecidedAt" TIMESTAMPTZ(3),
ADD COLUMN "notificationDecidedBy" TEXT;
