-- The dashboard's first-run checklist, once dismissed, stays hidden for the organization.
ALTER TABLE "Organization" ADD COLUMN "onboardingDismissedAt" TIMESTAMPTZ(3);
