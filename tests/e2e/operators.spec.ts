import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { PGlite } from "@electric-sql/pglite";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { ADMIN, apiSignIn } from "./helpers";
import { prepareDataDir, startInstance, type SpawnedInstance } from "./spawned-instance";

// Issue 17 §3, for operators: health checks, Prometheus metrics, request ids and log lines, graceful shutdown.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const stamp = Date.now().toString(36);

/** A token made by the admin for a manager service account with `scopes`. */
async function tokenWith(admin: APIRequestContext, baseURL: string, scopes: string[]): Promise<string> {
  const created = await admin.post("/api/v1/admin/tokens", {
    headers: { origin: baseURL },
    data: { name: `Prometheus ${scopes.join(" ")} ${stamp}`, scopes, serviceAccount: { userId: `prom-${stamp}-${scopes.length}`, role: "MANAGER" } },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { token: string }).token;
}

test.describe("health checks", () => {
  test("live and ready answer 200 to anyone, are never cached and say nothing about the instance", async ({ playwright, baseURL }) => {
    const stranger = await playwright.request.newContext({ baseURL });
    const live = await stranger.get("/api/health/live");
    expect(live.status()).toBe(200);
    expect(await live.json()).toEqual({ status: "live" });
    expect(live.headers()["cache-control"]).toContain("no-store");

    const ready = await stranger.get("/api/health/ready");
    expect(ready.status(), await ready.text()).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true }, shutdown: { ok: true } },
    });
    expect(ready.headers()["cache-control"]).toContain("no-store");
    // Nothing a stranger could use: no versions, addresses, paths or secrets in the answer.
    expect(await ready.text()).not.toMatch(/postgres|pglite|\.data|\d+\.\d+\.\d+|secret/i);
    await stranger.dispose();
  });

  test("every response carries a request id: a well-formed X-Request-Id comes back as sent, anything else is replaced", async ({ request }) => {
    expect((await request.get("/api/health/live", { headers: { "x-request-id": "lb-7f3a.42" } })).headers()["x-request-id"]).toBe("lb-7f3a.42");
    expect((await request.get("/api/health/live", { headers: { "x-request-id": "no spaces allowed" } })).headers()["x-request-id"]).toMatch(UUID);
    expect((await request.get("/login")).headers()["x-request-id"]).toMatch(UUID);
    expect((await request.get("/api/v1/tickets")).headers()["x-request-id"]).toMatch(UUID);
  });
});

test.describe("metrics", () => {
  test("from this machine without credentials: Prometheus text with the request, job, sweep, outbox, stream and sign-in metrics", async ({ request }) => {
    // Traffic to count first: a ticket number that does not exist is still counted under its route, not its path.
    expect((await request.get("/api/v1/tickets/INC-987654")).status()).toBe(401);
    await expect
      .poll(async () => (await request.get("/api/metrics")).text(), { message: "the webhook worker (every second in e2e) has run once" })
      .toContain('tierdesk_job_runs_total{job="webhooks",outcome="ok"}');
    const response = await request.get("/api/metrics");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8$/);
    const body = await response.text();
    for (const name of [
      "tierdesk_http_request_duration_seconds",
      "tierdesk_http_too_many_requests_total",
      "tierdesk_job_runs_total",
      "tierdesk_job_duration_seconds",
      "tierdesk_sweep_runs_total",
      "tierdesk_sweep_duration_seconds",
      "tierdesk_sweep_actions_total",
      "tierdesk_mail_deliveries_total",
      "tierdesk_webhook_deliveries_total",
      "tierdesk_outbox_depth",
      "tierdesk_outbox_due",
      "tierdesk_open_streams",
      "tierdesk_sign_ins_throttled_total",
      "process_resident_memory_bytes",
    ]) {
      expect(body, name).toContain(`# TYPE ${name} `);
    }
    expect(body).toMatch(/^tierdesk_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/tickets\/\[number\]",status_class="4xx"\} [1-9]/m);
    expect(body).not.toContain("INC-987654");
    expect(body).toMatch(/^tierdesk_outbox_depth\{queue="mail",status="pending"\} \d+$/m);
  });

  test("with a bearer token: 403 without the scope metrics:read, 200 with it; 401 for a token that does not exist", async ({ playwright, baseURL }) => {
    test.setTimeout(120_000);
    const admin = await playwright.request.newContext({ baseURL });
    await apiSignIn(admin, "staff", ADMIN.userId, ADMIN.password);
    const readOnly = await tokenWith(admin, baseURL!, ["tickets:read"]);
    const metricsReader = await tokenWith(admin, baseURL!, ["tickets:read", "metrics:read"]);
    await admin.dispose();

    const as = (token: string) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const lacking = await as(readOnly);
    const refused = await lacking.get("/api/metrics");
    expect(refused.status()).toBe(403);
    expect(refused.headers()["www-authenticate"]).toContain('scope="metrics:read"');
    expect(await refused.text()).not.toContain("tierdesk_");

    const reader = await as(metricsReader);
    const allowed = await reader.get("/api/metrics");
    expect(allowed.status()).toBe(200);
    expect(await allowed.text()).toContain("# TYPE tierdesk_http_request_duration_seconds histogram");

    const unknown = await as(`tdk_${"0".repeat(43)}`);
    expect((await unknown.get("/api/metrics")).status()).toBe(401);
    await Promise.all([unknown.dispose(), lacking.dispose(), reader.dispose()]);
  });
});

/** A POST whose headers the server has read (it answered 100 Continue) and whose body is held back until `finish`. */
function heldRequest(url: string): Promise<{ finish(): Promise<IncomingMessage>; request: ClientRequest }> {
  const body = "csrfToken=held&userId=C0000&pin=000000";
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/api/auth/callback/customer`, {
      method: "POST",
      headers: { expect: "100-continue", "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
    });
    const response = new Promise<IncomingMessage>((done, fail) => {
      request.once("response", done);
      request.once("error", fail);
    });
    request.once("error", reject);
    request.once("continue", () =>
      resolve({
        request,
        finish: () => {
          request.end(body);
          return response;
        },
      }),
    );
    request.flushHeaders();
  });
}

/** An SMTP server on this machine that accepts each message only when the test releases it. */
async function heldSmtpServer() {
  const arrivals: { release(): void }[] = [];
  const waiting: { index: number; resolve(arrival: { release(): void }): void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        arrivals.push({ release: () => callback() });
        for (const waiter of waiting.filter((w) => w.index < arrivals.length)) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve(arrivals[waiter.index]!);
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    /** The `index`-th message (from 0) once its data has arrived. */
    arrival: (index: number) =>
      index < arrivals.length ? Promise.resolve(arrivals[index]!) : new Promise<{ release(): void }>((resolve) => waiting.push({ index, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function queueMail(dataDir: string, key: string): Promise<void> {
  const db = new PGlite(dataDir);
  try {
    await db.query(
      `INSERT INTO "OutboxMessage" ("toAddress", "subject", "body", "dedupeKey", "nextAttemptAt", "createdAt") VALUES ('carla@example.com', 'Shutdown test', 'Hello', $1, now() - interval '1 minute', now())`,
      [key],
    );
  } finally {
    await db.close();
  }
}

async function mailRow(dataDir: string, key: string): Promise<{ status: string; deliveredVia: string | null }> {
  const db = new PGlite(dataDir);
  try {
    const { rows } = await db.query<{ status: string; deliveredVia: string | null }>(`SELECT "status"::text AS "status", "deliveredVia" FROM "OutboxMessage" WHERE "dedupeKey" = $1`, [key]);
    return rows[0]!;
  } finally {
    await db.close();
  }
}

const FIRST_MAIL = `shutdown-${stamp}`;
const SECOND_MAIL = `cut-off-${stamp}`;

test.describe.serial("a second instance of this build (scripts/serve.ts)", () => {
  let dataDir: string;
  let smtp: Awaited<ReturnType<typeof heldSmtpServer>>;
  let instance: SpawnedInstance | undefined;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    dataDir = prepareDataDir("e2e-operators-db");
    smtp = await heldSmtpServer();
    // PGlite has one owner at a time: rows the tests need are written while no instance runs.
    await queueMail(dataDir, FIRST_MAIL);
  });
  test.afterAll(async () => {
    if (instance && instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill("SIGKILL");
    await smtp?.close();
  });

  test("behind a proxy (TRUST_PROXY=1), a remote client is refused the metrics whatever it claims; each request leaves one JSON log line", async () => {
    test.setTimeout(240_000);
    instance = await startInstance(dataDir, {
      TRUST_PROXY: "1",
      SMTP_URL: smtp.url,
      TIERDESK_MAIL_SECONDS: "1",
      TIERDESK_WEBHOOK_SECONDS: "1",
      // One sign-in checked at a time and two waiting: a burst of sign-ins meets the gate's 429.
      TIERDESK_SIGN_IN_CONCURRENCY: "1",
    });
    const get = (path: string, headers: Record<string, string>) => fetch(`${instance!.url}${path}`, { headers });

    // The proxy on this machine appends the client's address: a remote client is not this machine.
    const remote = await get("/api/metrics", { "x-forwarded-for": "203.0.113.7", "x-request-id": `remote-${stamp}` });
    expect(remote.status).toBe(401);
    expect(remote.headers.get("www-authenticate")).toContain('scope="metrics:read"');
    expect(await remote.text()).not.toContain("tierdesk_");
    // Neither a forged X-Forwarded-For entry before the proxy's nor the app's own client-address header makes it local.
    expect((await get("/api/metrics", { "x-forwarded-for": "127.0.0.1, 203.0.113.7" })).status).toBe(401);
    expect((await get("/api/metrics", { "x-forwarded-for": "203.0.113.7", "x-tierdesk-client-address": "127.0.0.1" })).status).toBe(401);
    // The proxy's own scrape (no forwarded client) comes from this machine.
    expect((await get("/api/metrics", {})).status).toBe(200);
    // Health checks need no credentials from anywhere.
    expect((await get("/api/health/ready", { "x-forwarded-for": "203.0.113.7" })).status).toBe(200);

    const line = JSON.parse(await instance.waitForLine(new RegExp(`"requestId":"remote-${stamp}"`))) as Record<string, unknown>;
    expect(line).toMatchObject({
      type: "request",
      requestId: `remote-${stamp}`,
      method: "GET",
      route: "/api/metrics",
      path: "/api/metrics",
      status: 401,
      clientAddress: "203.0.113.7",
    });
    expect(typeof line.durationMs).toBe("number");
    expect(Date.parse(String(line.time))).not.toBeNaN();
    const job = JSON.parse(await instance.waitForLine(/"type":"job","job":"webhooks"/)) as Record<string, unknown>;
    expect(job).toMatchObject({ type: "job", job: "webhooks", result: null });
    expect(String(job.runId)).toMatch(UUID);
  });

  test("every 429 and every sign-in turned away by the back-off is counted", async () => {
    test.setTimeout(120_000);
    const url = instance!.url;
    const csrf = await fetch(`${url}/api/auth/csrf`);
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = async () => {
      const response = await fetch(`${url}/api/auth/callback/customer`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, userId: "C4242", pin: "000000", json: "true" }),
        redirect: "manual",
      });
      return { status: response.status, url: ((await response.json()) as { url?: string }).url ?? "" };
    };
    const metric = async (pattern: RegExp) => {
      const body = await (await fetch(`${url}/api/metrics`)).text();
      return [...body.matchAll(new RegExp(pattern.source, "gm"))].reduce((sum, m) => sum + Number(m[1]), 0);
    };

    const burst = await Promise.all(Array.from({ length: 12 }, signIn));
    const tooMany = burst.filter((r) => r.status === 429).length;
    expect(tooMany).toBeGreaterThan(0);
    await expect.poll(() => metric(/^tierdesk_http_too_many_requests_total\{route="\/api\/auth\/\[\.\.\.nextauth\]"\} (\d+)$/)).toBe(tooMany);

    const turnedAway = [...burst];
    for (let i = 0; i < 6; i++) turnedAway.push(await signIn());
    const throttled = turnedAway.filter((r) => new URL(r.url, url).searchParams.get("error")?.startsWith("Too many failed attempts")).length;
    expect(throttled).toBeGreaterThan(0);
    expect(await metric(/^tierdesk_sign_ins_throttled_total\{reason="(?:throttled|locked)"\} (\d+)$/)).toBe(throttled);
  });

  test("on SIGTERM it stops taking connections, finishes the mail batch and the request in flight, and exits 0 within 10 s", async () => {
    test.setTimeout(120_000);
    const running = instance!;
    const delivery = await smtp.arrival(0); // the mail worker is inside its batch, waiting on the SMTP server
    const inFlight = await heldRequest(running.url); // the server has read this request's headers

    const signalled = Date.now();
    running.child.kill("SIGTERM");
    await running.waitForLine(/SIGTERM: shutting down/);
    await expect.poll(async () => (await fetch(`${running.url}/api/health/live`).then(() => "answered", () => "refused")), { message: "no new connection is taken" }).toBe("refused");
    expect(running.child.exitCode).toBeNull();

    const response = await inFlight.finish();
    expect(response.statusCode).toBeGreaterThanOrEqual(200);
    expect(response.statusCode).toBeLessThan(500);
    response.resume();
    expect(running.child.exitCode, "still waiting for the mail batch").toBeNull();
    delivery.release();

    const { code } = await running.exited;
    const tookMs = Date.now() - signalled;
    expect(code).toBe(0);
    expect(tookMs).toBeLessThan(10_000);
    expect(running.lines.some((l) => /"job":"mail".*"result":\{"sent":1,"retried":0,"failed":0\}/.test(l))).toBe(true);
    expect(running.lines).toContainEqual(expect.stringMatching(/^\[tierdesk\] Finished the running mail run\(s\)\.$/));
    expect(running.lines).toContainEqual(expect.stringMatching(/^\[tierdesk\] Stopped in \d+ ms\.$/));
    expect(await mailRow(dataDir, FIRST_MAIL)).toEqual({ status: "SENT", deliveredVia: "smtp" });
  });

  test("a batch that will not finish is cut off at TIERDESK_SHUTDOWN_SECONDS with a log line and exit code 1", async () => {
    test.setTimeout(180_000);
    await queueMail(dataDir, SECOND_MAIL);
    instance = await startInstance(dataDir, { SMTP_URL: smtp.url, TIERDESK_MAIL_SECONDS: "1", TIERDESK_SHUTDOWN_SECONDS: "2" });
    await smtp.arrival(1); // never released
    const signalled = Date.now();
    instance.child.kill("SIGTERM");
    const { code } = await instance.exited;
    expect(code).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(instance.lines).toContainEqual("[tierdesk] Shutdown still waiting after 2 s: exiting now.");
  });

  });
