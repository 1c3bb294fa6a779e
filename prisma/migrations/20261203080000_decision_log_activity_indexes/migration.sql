-- The Activity page (GET /api/activity) filters the decision log by effect, AI service and subject
-- and pages on the key (time, id), newest first. Each index ends in the key's order, so a filtered
-- page is a backward index scan that stops after one page instead of walking the organization's
-- rows. Created on the partitioned table, so every monthly partition (existing and future) gets it.
-- Writing pays for each index: measured in bench/activity.mjs (docs/benchmarks.md, "Activity").

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_effect_time_id_idx" ON "DecisionLog"("organizationId", "effect", "time", "id");

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_providerSlug_time_id_idx" ON "DecisionLog"("organizationId", "providerSlug", "time", "id");

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_subjectId_time_id_idx" ON "DecisionLog"("organizationId", "subjectId", "time", "id");
