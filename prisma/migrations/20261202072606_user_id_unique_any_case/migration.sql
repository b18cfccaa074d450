-- User IDs are unique whatever their case (issue 12): a customer BOB and a staff bob cannot both exist.
-- Prisma's schema cannot express an expression index, so schema.prisma only mentions it in a comment.
--
-- Existing IDs equal in another case keep the oldest person's ID as it is; each later one is renamed to
-- "<userId>~<n>" (n = 2, 3, … in order of creation). "~" is outside the characters admins can choose, so
-- a renamed ID never collides with a real one and stays recognisable; the person signs in with it, and
-- an admin may issue them a new PIN or password under it or deactivate them.
WITH ranked AS (
  SELECT "id", row_number() OVER (PARTITION BY lower("userId") ORDER BY "createdAt", "id") AS n FROM "User"
)
UPDATE "User" u SET "userId" = u."userId" || '~' || r.n
FROM ranked r
WHERE r."id" = u."id" AND r.n > 1;

CREATE UNIQUE INDEX "User_userId_lower_key" ON "User" (lower("userId"));
