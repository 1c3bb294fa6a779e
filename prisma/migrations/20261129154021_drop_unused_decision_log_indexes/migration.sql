-- Every decision pays for each index on its partition; the dashboard reads the hourly rollups and
-- the impact preview the newest rows per organization, so only (organizationId, time) stays.
-- DropIndex
DROP INDEX "DecisionLog_organizationId_effect_time_idx";

-- DropIndex
DROP INDEX "DecisionLog_organizationId_providerSlug_time_idx";
