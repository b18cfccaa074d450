import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { BackupStatus } from "@/lib/db/generated/enums";
import { requireAdminRead } from "./authorize";

/** One cheap figure per admin section, for the admin home (admins and managers). */
export interface AdminOverview {
  activePeople: number;
  groups: number;
  categories: number;
  matrixVersion: number | null;
  calendars: number;
  articles: number;
  macros: number;
  auditEvents: number;
  mailWaiting: number;
  mailFailed: number;
  demoAccounts: number;
  /** Neither revoked nor expired. */
  activeTokens: number;
  integrations: number;
  webhooksActive: number;
  webhooksDisabled: number;
  /** The newest scheduled backup's result and start, if any ran. */
  lastBackup: { status: BackupStatus; startedAt: string } | null;
}

export async function getAdminOverview(actor: Actor, now = new Date()): Promise<AdminOverview> {
  requireAdminRead(actor);
  const client = db();
  const [activePeople, groups, categories, matrix, calendars, articles, macros, auditEvents, mailWaiting, mailFailed, demoAccounts, activeTokens, integrations, webhooksActive, webhooksDisabled, lastBackup] = await Promise.all([
    client.user.count({ where: { active: true } }),
    client.supportGroup.count(),
    client.category.count(),
    client.priorityMatrixVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } }),
    client.supportCalendar.count(),
    client.kbArticle.count(),
    client.macro.count(),
    client.auditEvent.count(),
    client.outboxMessage.count({ where: { status: "PENDING" } }),
    client.outboxMessage.count({ where: { status: "FAILED" } }),
    client.user.count({ where: { publishedSecret: true, active: true } }),
    client.apiToken.count({ where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } }),
    client.integration.count({ where: { active: true } }),
    client.webhookEndpoint.count({ where: { active: true } }),
    client.webhookEndpoint.count({ where: { active: false } }),
    client.backupRun.findFirst({ orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: { status: true, startedAt: true } }),
  ]);
  return {
    activePeople, groups, categories, matrixVersion: matrix?.version ?? null, calendars, articles, macros, auditEvents, mailWaiting, mailFailed, demoAccounts, activeTokens, integrations, webhooksActive, webhooksDisabled,
    lastBackup: lastBackup ? { status: lastBackup.status, startedAt: lastBackup.startedAt.toISOString() } : null,
  };
}
