import type { Database } from "@/lib/db/client";
import type { AssignmentMode, L4Kind, Priority, Tier } from "@/lib/db/generated/enums";
import { DEFAULT_CALENDAR, DEFAULT_MATRIX_CELLS, DEFAULT_SLA_TARGETS } from "@/lib/routing/defaults";
import { CATEGORIES } from "./kb-articles";
import { seedMacros } from "./macros";

const GROUPS: { slug: string; name: string; tier: Tier; assignmentMode: AssignmentMode; l4Kind?: L4Kind }[] = [
  { slug: "service-desk", name: "Service Desk", tier: "L1", assignmentMode: "PULL" },
  { slug: "platform-support", name: "Platform Support", tier: "L2", assignmentMode: "AUTO" },
  { slug: "engineering-support", name: "Engineering Support", tier: "L3", assignmentMode: "AUTO" },
  { slug: "cloud-vendor", name: "Cloud Vendor", tier: "L4", assignmentMode: "PULL", l4Kind: "VENDOR" },
  { slug: "architecture", name: "Architecture", tier: "L4", assignmentMode: "PULL", l4Kind: "ENGINEERING" },
];

const VENDOR_TARGETS: { priority: Priority; responseMinutes: number; resolutionMinutes: number; allDay: boolean }[] = [
  { priority: "P1", responseMinutes: 30, resolutionMinutes: 4 * 60, allDay: true },
  { priority: "P2", responseMinutes: 60, resolutionMinutes: 8 * 60, allDay: true },
  { priority: "P3", responseMinutes: 4 * 60, resolutionMinutes: 3 * 8 * 60, allDay: false },
  { priority: "P4", responseMinutes: 8 * 60, resolutionMinutes: 5 * 8 * 60, allDay: false },
];

/**
 * What a desk needs before anyone works in it: the support groups of each tier, the categories with their
 * SOP and self-service articles, a few macros, the support calendar, the cloud vendor's targets and priority matrix v1. Idempotent.
 */
export async function seedConfiguration(db: Database): Promise<void> {
  for (const group of GROUPS) {
    await db.supportGroup.upsert({ where: { slug: group.slug }, create: group, update: {} });
  }

  for (const c of CATEGORIES) {
    const sop = await db.kbArticle.upsert({
      where: { slug: `sop-${c.slug}` },
      create: {
        slug: `sop-${c.slug}`,
        title: c.sop.title,
        body: c.sop.steps.map((step) => `- [ ] ${step}`).join("\n"),
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

  await seedMacros(db);

  const { timeZone, workdays, opensAtMinute, closesAtMinute } = DEFAULT_CALENDAR;
  const calendar = await db.supportCalendar.upsert({
    where: { slug: "default" },
    create: {
      slug: "default",
      name: "Support hours",
      versions: { create: { version: 1, timeZone, windows: workdays.map((weekday) => ({ weekday, opensAtMinute, closesAtMinute })), holidays: [], note: "Default calendar" } },
    },
    update: {},
  });

  // The cloud vendor's contract: urgent work around the clock, the rest in our support hours.
  const vendor = await db.supportGroup.findUniqueOrThrow({ where: { slug: "cloud-vendor" } });
  const always = await db.supportCalendar.findUniqueOrThrow({ where: { slug: "24x7" } });
  await db.vendorTarget.createMany({
    data: VENDOR_TARGETS.map(({ allDay, ...t }) => ({ ...t, groupId: vendor.id, calendarId: allDay ? always.id : calendar.id, updatedAt: new Date(0) })),
    skipDuplicates: true,
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
}
