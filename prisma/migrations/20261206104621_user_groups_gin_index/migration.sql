-- CreateIndex
CREATE INDEX "User_groups_idx" ON "User" USING GIN ("groups");
