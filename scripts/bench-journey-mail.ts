// npm run bench:journey-mail: how many mails the customer receives for the journey of issue 13 §5,
// L1 → L2 → L3 → L4 → L3 → resolved with one public agent reply, played by the app's own services on a
// fresh in-memory database, with the delivery worker run every minute. A count, not a timing: it is the
// same on any machine and on either database.
import { createDatabase, useDatabase as installProcessDatabase } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { seedDemoData } from "../lib/seed/demo-data";
import { FAST_PACE, playMailJourney, SLOW_PACE } from "../tests/fixtures/journey-mail";

/** Measured with this script on the code before held, coalesced status mail (commit b70923c). */
const BEFORE = { fast: 6, slow: 6 };

const opened = createDatabase({ kind: "pglite-memory" });
installProcessDatabase(opened);
try {
  await applyMigrations(opened.connection.factory);
  await seedDemoData(opened.db);
  const start = new Date("2026-11-30T09:00:00Z");
  const fast = await playMailJourney(start, FAST_PACE, "Fast journey");
  const slow = await playMailJourney(new Date(start.getTime() + 24 * 3_600_000), SLOW_PACE, "Slow journey");
  const list = (mails: typeof fast) => mails.map((m) => `    ${m.sentAt.toISOString().slice(11, 19)}  ${m.subject}`).join("\n");
  console.log(`journey inside 6 minutes:\n${list(fast)}`);
  console.log(`journey over 3 hours:\n${list(slow)}`);
  console.log(`customer mails for the journey: ${fast.length} (before this change: ${BEFORE.fast})`);
  console.log(`customer mails for the journey over 3 hours: ${slow.length} (before this change: ${BEFORE.slow})`);
} finally {
  installProcessDatabase(undefined);
  await opened.close();
}
