import type { Database } from "@/lib/db/client";
import type { AssignmentMode, L4Kind, Role, Tier } from "@/lib/db/generated/enums";
import { hashSecret } from "@/lib/auth/secret-hash";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { CATEGORIES } from "./kb-articles";

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
  { userId: "manager", name: "Mia Manager", role: "MANAGER", secret: "manager-demo-pass" },
  { userId: "admin", name: "Ada Admin", role: "ADMIN", secret: "admin-demo-pass" },
];

const GROUPS: { slug: string; name: string; tier: Tier; assignmentMode: AssignmentMode; l4Kind?: L4Kind }[] = [
  { slug: "service-desk", name: "Service Desk", tier: "L1", assignmentMode: "PULL" },
  { slug: "platform-support", name: "Platform Support", tier: "L2", assignmentMode: "AUTO" },
  { slug: "engineering-support", name: "Engineering Support", tier: "L3", assignmentMode: "AUTO" },
  { slug: "cloud-vendor", name: "Cloud Vendor", tier: "L4", assignmentMode: "PULL", l4Kind: "VENDOR" },
  { slug: "architecture", name: "Architecture", tier: "L4", assignmentMode: "PULL", l4Kind: "ENGINEERING" },
];

/** Loads the demo data. Idempotent: what exists is left as it is, so a second run changes nothing. */
export async function seedDemoData(db: Database, log: (line: string) => void = () => {}): Promise<void> {
  for (const org of ORGANIZATIONS) {
    await db.organization.upsert({ where: { slug: org.slug }, create: org, update: {} });
  }
  for (const group of GROUPS) {
    await db.supportGroup.upsert({ where: { slug: group.slug }, create: group, update: {} });
  }

  let created = 0;
  for (const u of DEMO_USERS) {
    if (await db.user.findUnique({ where: { userId: u.userId }, select: { id: true } })) {
      // Databases seeded before customers had addresses get them; an address someone set stays.
      if (u.email) await db.user.updateMany({ where: { userId: u.userId, email: null }, data: { email: u.email } });
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
        memberships: u.groups
          ? { create: await Promise.all(u.groups.map(async (slug) => ({ groupId: (await db.supportGroup.findUniqueOrThrow({ where: { slug } })).id }))) }
          : undefined,
      },
    });
    created++;
  }

  for (const c of CATEGORIES) {
    const sop = await db.kbArticle.upsert({
      where: { slug: `sop-${c.slug}` },
      create: {
        slug: `sop-${c.slug}`,
        title: c.sop.title,
        body: c.sop.steps.map((step, i) => `${i + 1}. ${step}`).join("\n"),
        audience: "AGENT",
      },
      update: {},
    });
    const category = await db.category.upsert({
      where: { slug: c.slug },
      create: {
        slug: c.slug,
        name: c.name,
        description: c.description,
        defaultImpact: c.defaultImpact,
        defaultUrgency: c.defaultUrgency,
        sopArticleId: sop.id,
      },
      update: {},
    });
    if (!sop.categoryId) await db.kbArticle.update({ where: { id: sop.id }, data: { categoryId: category.id } });
    await db.kbArticle.upsert({
      where: { slug: `help-${c.slug}` },
      create: { slug: `help-${c.slug}`, title: c.selfService.title, body: c.selfService.body, audience: "CUSTOMER", categoryId: category.id },
      update: {},
    });
  }

  const { holidays, ...hours } = DEFAULT_CALENDAR;
  const calendar = await db.supportCalendar.upsert({
    where: { slug: "default" },
    create: {
      slug: "default",
      name: "Support hours",
      ...hours,
      holidays: { create: holidays.map((date) => ({ date: new Date(`${date}T00:00:00Z`), name: "Holiday" })) },
    },
    update: {},
  });

  if ((await db.priorityMatrixVersion.count()) === 0) {
    await db.priorityMatrixVersion.create({
      data: {
        version: 1,
        note: "Default matrix",
        calendarId: calendar.id,
        cells: { create: DEFAULT_MATRIX_CELLS },
        targets: { create: DEFAULT_SLA_TARGETS },
      },
    });
  }
  log(`Demo data ready (${created} user(s) created).`);
}
