-- The Activity page (GET /api/activity) filters the decision log and pages on the key (time, id),
-- newest first. Each index ends in the key's order, so a filtered page is a backward index scan
-- that stops after one page instead of walking the organization's rows. Created on the partitioned
-- table, so every monthly partition (existing and future) gets it.
--
-- Writing pays for each index (bench/activity.mjs, docs/benchmarks.md "Activity"): the effect index
-- is partial, only the warnings, redactions and blocks people look for (schema.prisma declares its
-- columns; Prisma's diff compares names and columns, not the predicate), and the subject index
-- serves "what did this person do". A service index cost a third more CPU per written row than the
-- two together and is left out: the dashboard's services are the busy ones, found fast on the key.

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_effect_time_id_idx" ON "DecisionLog"("organizationId", "effect", "time", "id") WHERE "effect" <> 'allow';

-- CreateIndex
CREATE INDEX "DecisionLog_organizationId_subjectId_time_id_idx" ON "DecisionLog"("organizationId", "subjectId", "time", "id");
