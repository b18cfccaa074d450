import type { Database } from "@/lib/db/client";
import type { Role, Tier } from "@/lib/db/generated/enums";
import { hashSecret, verifySecret } from "@/lib/auth/secret-hash";
import { seedConfiguration } from "./configuration";

// Demo and development data only: these secrets are published in the README.
const ORGANIZATIONS = [
  { slug: "acme", name: "Acme" },
  { slug: "globex", name: "Globex" },
];

interface UserSeed {
  userId: string;
  name: string;
  role: Role;
  secret: string;
  tier?: Tier;
  organization?: string;
  groups?: string[];
  email?: string;
}

export const DEMO_USERS: UserSeed[] = [
  { userId: "C1001", name: "Carla Customer", role: "CUSTOMER", secret: "246810", organization: "acme", email: "carla@acme.example" },
  { userId: "C1002", name: "Gus Globex", role: "CUSTOMER", secret: "135790", organization: "globex", email: "gus@globex.example" },
  { userId: "l1agent", name: "Lena First", role: "AGENT", tier: "L1", secret: "l1agent-demo-pass", groups: ["service-desk"] },
  { userId: "l1agent2", name: "Leo First", role: "AGENT", tier: "L1", secret: "l1agent2-demo-pass", groups: ["service-desk"] },
  { userId: "l2agent", name: "Priya Second", role: "AGENT", tier: "L2", secret: "l2agent-demo-pass", groups: ["platform-support"] },
  { userId: "l3agent", name: "Theo Third", role: "AGENT", tier: "L3", secret: "l3agent-demo-pass", groups: ["engineering-support"] },
  { userId: "manager", name: "Mia Manager", role: "MANAGER", secret: "manager-demo-pass", email: "manager@tierdesk.example" },
  { userId: "admin", name: "Ada Admin", role: "ADMIN", secret: "admin-demo-pass" },
];


/**
 * Loads the demo data: the configuration (seedConfiguration), two customer organizations and the people
 * whose secrets the README publishes (marked publishedSecret). Idempotent: what exists is left as it is,
 * so a second run changes nothing.
 */
export async function seedDemoData(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  for (const org of ORGANIZATIONS) {
    await db.organization.upsert({ where: { slug: org.slug }, create: org, update: {} });
  }
  await seedConfiguration(db);

  let created = 0;
  for (const u of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { userId: u.userId }, select: { id: true, active: true, publishedSecret: true, secretHash: true } });
    if (existing) {
      // Databases seeded before these people had addresses get them; an address someone set stays.
      if (u.email) await db.user.updateMany({ where: { userId: u.userId, email: null }, data: { email: u.email } });
      // Seeded before published secrets were marked: mark the ones still in use.
      if (existing.active && !existing.publishedSecret && (await verifySecret(u.secret, existing.secretHash))) {
        await db.user.update({ where: { id: existing.id }, data: { publishedSecret: true } });
      }
      continue;
    }
    const organization = u.organization ? await db.organization.findUniqueOrThrow({ where: { slug: u.organization } }) : null;
    await db.user.create({
      data: {
        userId: u.userId,
        name: u.name,
        email: u.email ?? null,
        role: u.role,
        tier: u.tier ?? null,
        organizationId: organization?.id ?? null,
        secretHash: await hashSecret(u.secret),
        publishedSecret: true,
        memberships: u.groups
          ? { create: await Promise.all(u.groups.map(async (slug) => ({ groupId: (await db.supportGroup.findUniqueOrThrow({ where: { slug } })).id }))) }
          : undefined,
      },
    });
    created++;
  }

  log(`Demo data ready (${created} user(s) created).`);
}
