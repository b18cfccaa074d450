// The day's mix, as browsers on the app would make it (README, "bench:load"): viewers keep their stream open
// and look at their queue now and then; workers take tickets from their queue, open them, claim, reply and
// escalate (L3 resolves); customers open tickets and reply on the portal. Pages are loaded whole (a reload);
// writes go to the JSON API with the session cookie and the page's Origin, which calls the same lib function
// as the page's server action.
import { randomUUID } from "node:crypto";
import { send, ticketNumbersIn, type Instance, type Reply } from "./http-client";
import type { AgentTier, BenchPerson } from "./data";
import type { Recorder } from "./recorder";
import type { StreamClient } from "./stream-client";

export interface Person extends BenchPerson {
  /** User.id */
  id: string;
  instance: Instance;
  cookie: string;
  stream: StreamClient;
}

export interface Pace {
  /** Mean seconds between a viewer's looks at the queue. */
  viewSeconds: number;
  /** Mean seconds a worker spends between steps on a ticket. */
  workerThinkSeconds: number;
  /** Mean seconds between a customer's visits. */
  customerSeconds: number;
}

export interface LoadContext {
  recorder: Recorder;
  pace: Pace;
  /** False once the window is over: every loop finishes its current step and stops. */
  running(): boolean;
  /** Waits `ms`, or less when the window ends sooner. */
  pause(ms: number): Promise<void>;
  /** Viewers of each tier, for mentions. */
  viewersOf(tier: AgentTier): Person[];
}

/** Uniform between half and one and a half times the mean: arrivals spread, no lockstep. */
const around = (ctx: LoadContext, seconds: number) => ctx.pause(seconds * 1000 * (0.5 + Math.random()));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const numberPart = (number: string) => Number(number.slice(number.indexOf("-") + 1));

const VIEWS: Record<AgentTier, string[]> = {
  L1: ["tier", "tier", "unassigned", "unassigned", "mine", "due-soon", "update-due"],
  L2: ["tier", "unassigned", "mine", "escalated"],
  L3: ["tier", "unassigned", "mine", "escalated"],
};

const BELL = "/api/v1/notifications?limit=20";

/** A staff page as the browser loads it: the document, then the bell's list as the header mounts. */
async function staffPage(ctx: LoadContext, p: Person, route: string, path: string): Promise<Reply> {
  const page = await send(ctx.recorder, p.instance, route, "GET", path, { cookie: p.cookie });
  if (page.status === 200) await send(ctx.recorder, p.instance, "GET /api/v1/notifications (bell)", "GET", BELL, { cookie: p.cookie, accept: "application/json" });
  return page;
}

export async function runViewer(ctx: LoadContext, p: Person, cycles = Infinity): Promise<void> {
  await ctx.pause(Math.random() * ctx.pace.viewSeconds * 1000);
  for (let n = 0; n < cycles && ctx.running(); n++) {
    const view = pick(VIEWS[p.tier!]);
    if (n % 3 === 0) await staffPage(ctx, p, "GET /queue (page)", `/queue?view=${view}`);
    else await send(ctx.recorder, p.instance, "GET /api/v1/queue", "GET", `/api/v1/queue?view=${view}`, { cookie: p.cookie, accept: "application/json" });
    await around(ctx, ctx.pace.viewSeconds);
  }
}

/**
 * One worker: `slot` of `slots` at their tier. Each takes only the unassigned tickets whose number falls in their
 * slot, so no two workers race for one (a lost race is a 409 the app answers rightly, but not this mix's point).
 */
export async function runWorker(ctx: LoadContext, p: Person, slot: number, slots: number, cycles = Infinity): Promise<void> {
  const think = () => around(ctx, ctx.pace.workerThinkSeconds);
  const taken = new Set<string>();
  const json = { cookie: p.cookie, accept: "application/json" };
  await ctx.pause(Math.random() * ctx.pace.workerThinkSeconds * 1000);
  for (let n = 0; n < cycles && ctx.running(); n++) {
    const listing =
      n % 3 === 0
        ? await staffPage(ctx, p, "GET /queue (page)", "/queue?view=unassigned")
        : await send(ctx.recorder, p.instance, "GET /api/v1/queue", "GET", "/api/v1/queue?view=unassigned&limit=100", json);
    const number = ticketNumbersIn(listing.body).find((t) => numberPart(t) % slots === slot && !taken.has(t));
    if (!number) {
      await think();
      continue;
    }
    taken.add(number);
    const path = `/api/v1/tickets/${number}`;

    const page = await staffPage(ctx, p, "GET /queue/tickets/[number] (page)", `/queue/tickets/${number}`);
    if (page.status !== 200) {
      await think();
      continue;
    }
    void p.stream.follow(number);
    await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/presence", "POST", `${path}/presence`, json);
    await think();
    if (!ctx.running()) break;

    const claim = await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/claim", "POST", `${path}/claim`, json);
    if (claim.status !== 200) {
      void p.stream.follow(null);
      await think();
      continue;
    }
    await think();

    const reply = { body: `We are looking into ${number} now: first findings follow within the hour.`, visibility: "PUBLIC" };
    await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/comments (agent)", "POST", `${path}/comments`, { ...json, json: reply, expect: [201] });
    if (Math.random() < 1 / 3) {
      const colleague = pick(ctx.viewersOf(p.tier!));
      const note = { body: `@${colleague.userId} have you seen this pattern before on ${number}?`, visibility: "INTERNAL" };
      await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/comments (agent)", "POST", `${path}/comments`, { ...json, json: note, expect: [201] });
    }
    await think();

    if (p.tier === "L3") {
      const read = await send(ctx.recorder, p.instance, "GET /api/v1/tickets/[number]", "GET", path, json);
      const version = read.status === 200 ? (JSON.parse(read.body) as { ticket: { version: number } }).ticket.version : 0;
      await send(ctx.recorder, p.instance, "PATCH /api/v1/tickets/[number] (resolve)", "PATCH", path, { ...json, json: { version, status: "RESOLVED" } });
    } else {
      const escalation = {
        reason: "Beyond what this tier can change: needs the next tier's access.",
        summary: `Reproduced on ${number}; logs and the customer's steps are attached to the ticket.`,
        sopOverride: "Steps not applicable: the fault is outside what the SOP covers.",
      };
      await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/escalate", "POST", `${path}/escalate`, { ...json, json: escalation });
    }
    void p.stream.follow(null);
    await think();
  }
}

const CATEGORIES = ["platform", "access", "billing", "data", "integration", "performance"];
const LEVELS = ["HIGH", "MEDIUM", "LOW"];

export async function runCustomer(ctx: LoadContext, p: Person, cycles = Infinity): Promise<void> {
  const mine: string[] = [];
  const json = { cookie: p.cookie, accept: "application/json" };
  await ctx.pause(Math.random() * ctx.pace.customerSeconds * 1000);
  for (let n = 0; n < cycles && ctx.running(); n++) {
    if (!mine.length || (cycles === Infinity && Math.random() < 0.4)) {
      await send(ctx.recorder, p.instance, "GET /portal (page)", "GET", "/portal", { cookie: p.cookie });
      const ticket = {
        type: Math.random() < 0.75 ? "INCIDENT" : "SERVICE_REQUEST",
        title: pick(["VPN drops every few minutes", "Cannot open the March invoice", "Export to CSV never finishes", "New starter needs access"]),
        description: "What I did, what I expected and what happened instead, with the time it started.",
        category: pick(CATEGORIES),
        impact: pick(LEVELS),
        urgency: pick(LEVELS),
        idempotencyKey: randomUUID(),
      };
      const opened = await send(ctx.recorder, p.instance, "POST /api/v1/tickets (customer opens)", "POST", "/api/v1/tickets", { ...json, json: ticket, expect: [201] });
      if (opened.status === 201) mine.push((JSON.parse(opened.body) as { ticket: { number: string } }).ticket.number);
    } else {
      const list = await send(ctx.recorder, p.instance, "GET /portal/tickets (page)", "GET", "/portal/tickets", { cookie: p.cookie });
      const listed = ticketNumbersIn(list.body);
      const number = Math.random() < 0.6 || !listed.length ? pick(mine) : pick(listed);
      await send(ctx.recorder, p.instance, "GET /portal/tickets/[number] (page)", "GET", `/portal/tickets/${number}`, { cookie: p.cookie });
      await around(ctx, ctx.pace.customerSeconds / 4);
      if (!ctx.running()) break;
      const reply = { body: "It happened again just now, at the same step. Anything I can try meanwhile?" };
      await send(ctx.recorder, p.instance, "POST /api/v1/tickets/[number]/comments (customer)", "POST", `/api/v1/tickets/${number}/comments`, { ...json, json: reply, expect: [201] });
    }
    await around(ctx, ctx.pace.customerSeconds);
  }
}

/**
 * Before the window: every route once or more on each instance (pages load their modules on first use, and V8
 * optimizes what runs often), as on a server that has been up for a while. One viewer, one worker per tier
 * and one customer per instance go through their steps with no pauses, `rounds` times; nothing is recorded.
 */
export async function warmUp(ctx: LoadContext, people: Person[], instances: Instance[], rounds: number): Promise<void> {
  const byTier = (part: Person["part"], tier: AgentTier | null) => instances.map((instance) => people.filter((p) => p.part === part && p.tier === tier && p.instance === instance));
  for (let round = 0; round < rounds; round++) {
    const steps: Promise<void>[] = [];
    for (const tier of ["L1", "L2", "L3"] as const) {
      for (const viewers of byTier("viewer", tier)) steps.push(runViewer(ctx, viewers[0]!, 3));
      const workers = people.filter((p) => p.part === "worker" && p.tier === tier);
      for (const onInstance of byTier("worker", tier)) steps.push(runWorker(ctx, onInstance[0]!, workers.indexOf(onInstance[0]!), workers.length, 1));
    }
    for (const customers of byTier("customer", null)) steps.push(runCustomer(ctx, customers[round % customers.length]!, 2));
    await Promise.all(steps);
  }
}
