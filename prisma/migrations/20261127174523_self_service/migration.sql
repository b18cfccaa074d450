-- AlterTable
ALTER TABLE "KbArticle" ADD COLUMN     "searchVector" tsvector;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "idempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "ticketId" INTEGER NOT NULL,
    "commentId" INTEGER,
    "uploaderId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deflection" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "query" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deflection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleFeedback" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT,
    "helpful" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_ticketId_createdAt_idx" ON "Attachment"("ticketId", "createdAt");

-- CreateIndex
CREATE INDEX "Deflection_createdAt_articleId_idx" ON "Deflection"("createdAt", "articleId");

-- CreateIndex
CREATE INDEX "Deflection_articleId_createdAt_idx" ON "Deflection"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleFeedback_createdAt_articleId_idx" ON "ArticleFeedback"("createdAt", "articleId");

-- CreateIndex
CREATE INDEX "ArticleFeedback_articleId_createdAt_idx" ON "ArticleFeedback"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "KbArticle_searchVector_idx" ON "KbArticle" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_customerId_idempotencyKey_key" ON "Ticket"("customerId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deflection" ADD CONSTRAINT "Deflection_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deflection" ADD CONSTRAINT "Deflection_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KbArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFeedback" ADD CONSTRAINT "ArticleFeedback_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "KbArticle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleFeedback" ADD CONSTRAINT "ArticleFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Full-text search of KB articles for the customer portal (written by hand: Prisma does not diff
-- functions or triggers). 'english' stems ("exports" finds "export"); the title weighs more than the body.
CREATE FUNCTION "kb_article_search_vector_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(to_tsvector('english', NEW."title"), 'A')
                     || setweight(to_tsvector('english', NEW."body"), 'B');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "KbArticle_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "body" ON "KbArticle"
  FOR EACH ROW EXECUTE FUNCTION "kb_article_search_vector_refresh"();

-- Articles that existed before this migration.
UPDATE "KbArticle" SET "searchVector" = setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B');
