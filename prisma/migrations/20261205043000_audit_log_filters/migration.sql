-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_actorId_seq_idx" ON "AuditEvent"("organizationId", "actorId", "seq" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_action_seq_idx" ON "AuditEvent"("organizationId", "action", "seq" DESC);
