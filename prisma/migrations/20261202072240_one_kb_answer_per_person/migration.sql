-- One "Was this helpful?" answer and one "This solved it" per person and article (issue 12): a repeat
-- replaces the row, so one person cannot move the dashboard. Rows already repeated keep the latest answer
-- (latest createdAt, then the greatest id), as the app now would have left them.
DELETE FROM "ArticleFeedback" f
USING "ArticleFeedback" newer
WHERE newer."userId" = f."userId" AND newer."articleId" = f."articleId"
  AND (newer."createdAt", newer."id") > (f."createdAt", f."id");

DELETE FROM "Deflection" d
USING "Deflection" newer
WHERE newer."customerId" = d."customerId" AND newer."articleId" = d."articleId"
  AND (newer."createdAt", newer."id") > (d."createdAt", d."id");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleFeedback_userId_articleId_key" ON "ArticleFeedback"("userId", "articleId");

-- CreateIndex
CREATE UNIQUE INDEX "Deflection_customerId_articleId_key" ON "Deflection"("customerId", "articleId");
