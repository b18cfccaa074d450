// The SQL a page sends, as sent: every statement the pg driver receives (Prisma's and lib/db/statement.ts' alike)
// while the page's lib functions run in this process, then its plan. A sequential scan of "Ticket" or "TicketEvent"
// in a plan fails the benchmark; the plan is checked as the statement runs the first times (a custom plan for its
// values) and as a prepared statement may run later (the generic plan PostgreSQL switches to after five runs).
import pg from "pg";
// @ts-expect-error: pg ships no types for its value preparation, the one its queries use.
import { prepareValue } from "pg/lib/utils.js";

export interface Statement {
  text: string;
  values: unknown[];
}

/** Tables a page must never read whole. */
export const NEVER_SCANNED = ["Ticket", "TicketEvent"];

let sink: Statement[] | null = null;
let installed = false;

/** Records every statement any pg client in this process sends while `run` runs (one capture at a time). */
export async function captureStatements(run: () => Promise<unknown>): Promise<Statement[]> {
  if (!installed) {
    const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (sink) {
        const [config, values] = args;
        const text = typeof config === "string" ? config : (config as { text?: string } | undefined)?.text;
        const given = typeof config === "string" ? values : (config as { values?: unknown[] } | undefined)?.values;
        if (text) sink.push({ text, values: Array.isArray(given) ? given : [] });
      }
      return original.apply(this, args);
    } as typeof pg.Client.prototype.query;
    installed = true;
  }
  if (sink) throw new Error("One capture at a time.");
  const captured: Statement[] = [];
  sink = captured;
  try {
    await run();
  } finally {
    sink = null;
  }
  return captured;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

export interface Plan {
  /** "Index Only Scan Ticket_tier_status_id_idx", "Seq Scan Category" …, each once, outermost first. */
  nodes: string[];
  /** Execution time of EXPLAIN ANALYZE (reads only), else null. */
  ms: number | null;
  /** Tables of NEVER_SCANNED read by a sequential scan. */
  scanned: string[];
}

function walk(node: PlanNode): string[] {
  const here = node["Index Name"] ? `${node["Node Type"]} ${node["Index Name"]}` : node["Relation Name"] ? `${node["Node Type"]} ${node["Relation Name"]}` : null;
  return [...(here ? [here] : []), ...(node.Plans ?? []).flatMap(walk)];
}

function seqScanned(node: PlanNode): string[] {
  const here = node["Node Type"] === "Seq Scan" && NEVER_SCANNED.includes(node["Relation Name"] ?? "") ? [node["Relation Name"]!] : [];
  return [...here, ...(node.Plans ?? []).flatMap(seqScanned)];
}

const isRead = (text: string) => /^\s*(SELECT|WITH)\b/i.test(text) && !/\bINSERT\s+INTO\b|\bUPDATE\s+"|\bDELETE\s+FROM\b/i.test(text);
/** Statements a plan says something about (not BEGIN, COMMIT, SET, LISTEN …). */
export const isPlannable = (text: string) => /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(text);

const toParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** The plan of `s` with its values: EXPLAIN ANALYZE for a read, a plain EXPLAIN for a write (never run here). */
export async function explainCustom(client: pg.ClientBase, s: Statement): Promise<Plan> {
  const analyze = isRead(s.text);
  const [row] = (await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time"?: number }] }>(
    `EXPLAIN (${analyze ? "ANALYZE, " : ""}FORMAT JSON) ${s.text}`,
    s.values.map(toParam),
  )).rows;
  const plan = row!["QUERY PLAN"][0];
  return { nodes: [...new Set(walk(plan.Plan))], ms: analyze ? (plan["Execution Time"] ?? null) : null, scanned: [...new Set(seqScanned(plan.Plan))] };
}

let prepared = 0;

/**
 * The generic plan of `s`: prepared, then explained with plan_cache_mode forced to generic; null when PostgreSQL
 * cannot infer a parameter's type without the value.
 */
export async function explainGeneric(client: pg.ClientBase, s: Statement): Promise<Plan | null> {
  if (!s.values.length) return null;
  const name = `bench_generic_${++prepared}`;
  await client.query(`SET plan_cache_mode = force_generic_plan`);
  try {
    await client.query(`PREPARE ${name} AS ${s.text}`);
  } catch {
    await client.query(`RESET plan_cache_mode`);
    return null;
  }
  try {
    // EXECUTE takes no bind parameters: the values go as literals, typed by the prepared statement.
    const args = s.values.map((v) => (v === null || v === undefined ? "NULL" : client.escapeLiteral(String(prepareValue(toParam(v)))))).join(", ");
    const [row] = (await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}(${args})`)).rows;
    const plan = row!["QUERY PLAN"][0];
    return { nodes: [...new Set(walk(plan.Plan))], ms: null, scanned: [...new Set(seqScanned(plan.Plan))] };
  } finally {
    await client.query(`DEALLOCATE ${name}`);
    await client.query(`RESET plan_cache_mode`);
  }
}

/** The statement's first line, squeezed, for the report. */
export function shortText(text: string, width = 110): string {
  const flat = text.replace(/\s+/g, " ").replace(/"public"\./g, "").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}
