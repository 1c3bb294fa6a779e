-- Tokens on the decision log rows of AI gateway calls (issue #16): the input and output tokens the
-- upstream reported, on the call's prompt decision. Nullable without a default: adding them is a
-- catalog change only (no table rewrite), and every existing row and every other decision keeps NULL.

-- AlterTable
ALTER TABLE "DecisionLog" ADD COLUMN "inputTokens" INTEGER,
ADD COLUMN "outputTokens" INTEGER;
