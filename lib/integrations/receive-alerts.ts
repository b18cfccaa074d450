import { z } from "zod";
import type { Actor } from "@/lib/actor";
import { db, type Transaction } from "@/lib/db/client";
import { isDeadlock } from "@/lib/db/deadlock";
import { Prisma } from "@/lib/db/generated/client";
import { isRawUniqueViolation } from "@/lib/db/raw-unique-violation";
import { forbidden } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { INTAKE_GROUP_SLUG } from "@/lib/routing/intake";
import { intakeCatalog, organizationOf, type IntakeCatalog, type IntakeOrganization } from "@/lib/tickets/intake-catalog";
import type { EventInput } from "@/lib/tickets/core/ticket-store";
import { openMany, type ManyIntake } from "@/lib/tickets/open-many";
import { ZAlertmanagerPayload } from "@/lib/validation/alertmanager";
import { ZIntegrationSlug } from "@/lib/validation/integration";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { alertsByFingerprint, alertTicketFields, type ReceivedAlert } from "./alert-ticket";
import { findAlertIntegration, type AlertIntegration } from "./find-alert-integration";
import { resolveAlertIncidents } from "./resolve-alert-incidents";

/** What one payload did. */
export interface AlertReceipt {
  integration: string;
  /** Incidents opened, by number (a firing alert with no open incident). */
  opened: string[];
  /** Firing alerts whose incident is open: counted on it, nothing opened. */
  repeated: number;
  /** Incidents resolved with their alert (the integration resolves them). */
  resolved: string[];
  /** Resolved alerts recorded on their incident (resolved or not). */
  resolvedAlerts: number;
  /** Resolved alerts with no open incident (never seen, or already resolved): nothing to do. */
  ignored: number;
}

const OPEN_FINGERPRINT = "MonitoringAlert_open_fingerprint_key";
/** Attempts when a payload beside this one opened the same alert first, or intake's configuration changed. */
const ATTEMPTS = 4;

/**
 * Alertmanager's webhook (payload version 4) for the integration `slug`: one incident per alert fingerprint
 * while it is open. A firing alert with no open incident opens one through intake (set-based: one statement for
 * any number), linked as related to the fingerprint's previous incident; a repeat is counted on its alert; a
 * resolved alert is recorded on its incident and, if the integration says so, resolves it. Staff only (the
 * service account of an `alerts:write` token, or a signed-in staff user).
 */
export async function receiveAlerts(actor: Actor, slug: VerbInput<typeof ZIntegrationSlug> | null, input: VerbInput<typeof ZAlertmanagerPayload>, now = new Date()): Promise<AlertReceipt> {
  if (!can(actor, "ticket:create-for-customer")) throw forbidden("Only staff and their service accounts send monitoring alerts.");
  const { integration: integrationSlug } = parseInput(z.object({ integration: ZIntegrationSlug }), { integration: slug ?? "" });
  const payload = parseInput(ZAlertmanagerPayload, input);
  const integration = await findAlertIntegration(integrationSlug);
  const received = alertsByFingerprint(payload.alerts);
  let fresh = false;
  for (let attempt = 1; ; attempt++) {
    const catalog = await intakeCatalog(fresh);
    if (!catalog.group || catalog.group.tier !== "L1") throw new Error(`The L1 intake group "${INTAKE_GROUP_SLUG}" is missing.`);
    const organization = integration.customer.organizationId ? await organizationOf(catalog, integration.customer.organizationId) : null;
    try {
      return await db().$transaction((tx) => applyAlerts(tx, { actor, integration, catalog, organization, now }, received), { timeout: 60_000, maxWait: 60_000 });
    } catch (error) {
      // Another payload opened one of these alerts first (or crossed it): read again, and count on its incident.
      // Or what intake decides from changed since the catalog was read: read it afresh.
      if (!(error instanceof StaleCatalog || isRawUniqueViolation(error, OPEN_FINGERPRINT) || isDeadlock(error)) || attempt === ATTEMPTS) throw error;
      fresh = error instanceof StaleCatalog;
    }
  }
}

/** Thrown inside the transaction so that it rolls back (repeats counted in it included) and is tried again. */
class StaleCatalog extends Error {}

interface Context {
  actor: Actor;
  integration: AlertIntegration;
  catalog: IntakeCatalog;
  organization: IntakeOrganization | null;
  now: Date;
}

interface OpenAlertRow {
  id: number;
  fingerprint: string;
  ticketId: number;
}

/** One transaction: close alerts whose incident closed, count repeats, open new incidents, resolve. */
async function applyAlerts(tx: Transaction, context: Context, received: ReceivedAlert[]): Promise<AlertReceipt> {
  const { actor, integration, now } = context;
  const fingerprints = received.map((r) => r.alert.fingerprint);
  // An incident closed since its alert last fired: that alert is over, a new firing opens a new incident.
  await tx.$executeRaw`
    UPDATE "MonitoringAlert" m SET "open" = false
    FROM "Ticket" t
    WHERE m."integrationId" = ${integration.id} AND m."fingerprint" = ANY(${fingerprints}::text[]) AND m."open"
      AND t."id" = m."ticketId" AND t."status" = 'CLOSED'`;
  const open = await tx.$queryRaw<OpenAlertRow[]>`
    SELECT m."id", m."fingerprint", m."ticketId" FROM "MonitoringAlert" m
    WHERE m."integrationId" = ${integration.id} AND m."fingerprint" = ANY(${fingerprints}::text[]) AND m."open"
    ORDER BY m."id"
    FOR UPDATE`;
  const openBy = new Map(open.map((o) => [o.fingerprint, o]));
  const firing = received.filter((r) => r.alert.status === "firing");
  const repeats = firing.filter((r) => openBy.has(r.alert.fingerprint));
  // In fingerprint order, so payloads that overlap insert their alerts in one order and queue, not deadlock.
  const fresh = firing.filter((r) => !openBy.has(r.alert.fingerprint)).sort((a, b) => (a.alert.fingerprint < b.alert.fingerprint ? -1 : 1));
  const resolving = received.filter((r) => r.alert.status === "resolved" && openBy.has(r.alert.fingerprint));

  if (repeats.length) {
    const seen = repeats.map((r) => ({ id: openBy.get(r.alert.fingerprint)!.id, count: r.count }));
    await tx.$executeRaw`
      UPDATE "MonitoringAlert" m SET "lastSeenAt" = ${now}, "seenCount" = m."seenCount" + s."count", "alertStatus" = 'firing'
      FROM jsonb_to_recordset(${JSON.stringify(seen)}::jsonb) AS s("id" int, "count" int)
      WHERE m."id" = s."id"`;
  }
  const opened = await openAlertIncidents(tx, context, fresh);
  if (opened === null) throw new StaleCatalog();
  const resolved = await resolveAlertIncidents(
    tx,
    actor,
    integration,
    resolving.map((r) => {
      const alert = openBy.get(r.alert.fingerprint)!;
      return { alertId: alert.id, ticketId: alert.ticketId, fingerprint: r.alert.fingerprint, alertname: r.alert.labels.alertname ?? null, endsAt: r.alert.endsAt, count: r.count };
    }),
    now,
  );
  return {
    integration: integration.slug,
    opened,
    repeated: repeats.length,
    resolved,
    resolvedAlerts: resolving.length,
    ignored: received.length - firing.length - resolving.length,
  };
}

/**
 * New incidents for firing alerts, in one statement with their MonitoringAlert rows and, where the fingerprint
 * had an incident before, a RELATED link to the latest one (with its LINKED events on both). Null: stale catalog.
 */
async function openAlertIncidents(tx: Transaction, context: Context, fresh: ReceivedAlert[]): Promise<string[] | null> {
  if (!fresh.length) return [];
  const { actor, integration, catalog, organization, now } = context;
  const previous = await tx.$queryRaw<{ fingerprint: string; ticketId: number; number: string }[]>`
    SELECT DISTINCT ON (m."fingerprint") m."fingerprint", m."ticketId", t."number"
    FROM "MonitoringAlert" m JOIN "Ticket" t ON t."id" = m."ticketId"
    WHERE m."integrationId" = ${integration.id} AND m."fingerprint" = ANY(${fresh.map((r) => r.alert.fingerprint)}::text[]) AND NOT m."open"
    ORDER BY m."fingerprint", m."id" DESC`;
  const previousBy = new Map(previous.map((p) => [p.fingerprint, p]));
  const fallback = catalog.categories.get(integration.categorySlug);
  if (!fallback) return null; // the integration's category is newer than the catalog in memory
  const intakes: ManyIntake[] = fresh.map(({ alert }) => {
    const fields = alertTicketFields(alert, integration);
    const before = previousBy.get(alert.fingerprint);
    return {
      key: alert.fingerprint,
      title: fields.title,
      description: fields.description,
      category: (fields.categorySlug && catalog.categories.get(fields.categorySlug)) || fallback,
      hints: fields.hints,
      createdInputs: {
        integration: integration.slug,
        fingerprint: alert.fingerprint,
        alertname: alert.labels.alertname ?? null,
        severity: alert.labels.severity ?? null,
        startsAt: alert.startsAt,
        ...(before ? { previousIncident: before.number } : {}),
      },
      laterEvents: before ? [linkedEvent(actor, before.number, now)] : [],
    };
  });
  const alerts = fresh.map(({ alert, count }) => ({ key: alert.fingerprint, labels: alert.labels, startsAt: alert.startsAt, count }));
  const links = fresh.flatMap(({ alert }) => {
    const before = previousBy.get(alert.fingerprint);
    return before ? [{ key: alert.fingerprint, targetId: before.ticketId, target: before.number }] : [];
  });
  const result = await openMany(
    tx,
    intakes,
    { actor, catalog, customer: { ...integration.customer, organization }, channel: "MONITORING", now },
    (opened) => [
      Prisma.sql`
        INSERT INTO "MonitoringAlert" ("integrationId", "fingerprint", "ticketId", "open", "alertStatus", "startsAt", "firstSeenAt", "lastSeenAt", "seenCount", "labels")
        SELECT ${integration.id}, a."key", o."id", true, 'firing', a."startsAt"::timestamptz AT TIME ZONE 'UTC', ${now}::timestamp(3), ${now}::timestamp(3), a."count", a."labels"
        FROM jsonb_to_recordset(${JSON.stringify(alerts)}::jsonb) AS a("key" text, "labels" jsonb, "startsAt" text, "count" int)
        JOIN ${opened} o ON o."key" = a."key"`,
      ...(links.length ? linkSql(opened, links, actor, now) : []),
    ],
  );
  if (!result) return null;
  return fresh.map(({ alert }) => result.get(alert.fingerprint)!.number);
}

/** The new incident's LINKED event: written with intake's events, so the log reads in order. */
function linkedEvent(actor: Actor, target: string, now: Date): EventInput {
  return {
    type: "LINKED",
    actorId: actor.id,
    rule: "link.related",
    inputs: { kind: "RELATED", target, monitoring: true },
    reason: `Its monitoring alert fired again after ${target} ended: linked to it as related.`,
    createdAt: now,
  };
}

/** The RELATED link from each new incident to its fingerprint's previous one, and the LINKED event on the previous one. */
function linkSql(opened: Prisma.Sql, links: { key: string; targetId: number; target: string }[], actor: Actor, now: Date): Prisma.Sql[] {
  const source = Prisma.sql`jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS l("key" text, "targetId" int, "target" text) JOIN ${opened} o ON o."key" = l."key"`;
  return [
    Prisma.sql`
      INSERT INTO "TicketLink" ("ticketId", "targetId", "kind", "createdById", "createdAt")
      SELECT o."id", l."targetId", 'RELATED', ${actor.id}, ${now}::timestamp(3) FROM ${source}`,
    Prisma.sql`
      INSERT INTO "TicketEvent" ("ticketId", "type", "actorId", "rule", "inputs", "reason", "createdAt")
      SELECT l."targetId", 'LINKED', ${actor.id}, 'link.related',
        jsonb_build_object('kind', 'RELATED', 'ticket', o."number", 'target', l."target", 'monitoring', true),
        'Its monitoring alert fired again: ' || o."number" || ' opened and linked to this ticket as related.', ${now}::timestamp(3)
      FROM ${source}`,
  ];
}
