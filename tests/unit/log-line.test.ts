import { describe, expect, it } from "vitest";
import { jobLogLine, logFormatOf, requestLogLine, type RequestLogEntry } from "@/lib/observability/log-line";

const time = new Date("2026-12-03T09:15:00.123Z");
const request: RequestLogEntry = {
  time,
  requestId: "req-1",
  method: "GET",
  route: "/api/v1/tickets/[number]",
  path: "/api/v1/tickets/INC-000123",
  status: 200,
  durationMs: 12.3456,
  clientAddress: "203.0.113.7",
};

describe("LOG_FORMAT", () => {
  it("is JSON unless it says text", () => {
    expect(logFormatOf(undefined)).toBe("json");
    expect(logFormatOf("json")).toBe("json");
    expect(logFormatOf("TEXT")).toBe("text");
    expect(logFormatOf("pretty")).toBe("json");
  });
});

describe("a request's log line", () => {
  it("is one JSON object on one line with the time, id, method, route, path, status, duration and client address", () => {
    const line = requestLogLine(request, "json");
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({
      time: "2026-12-03T09:15:00.123Z",
      type: "request",
      requestId: "req-1",
      method: "GET",
      route: "/api/v1/tickets/[number]",
      path: "/api/v1/tickets/INC-000123",
      status: 200,
      durationMs: 12.3,
      clientAddress: "203.0.113.7",
    });
    expect(JSON.parse(requestLogLine({ ...request, aborted: true }, "json")).aborted).toBe(true);
  });

  it("keeps a path with quotes or control characters inside its JSON string", () => {
    const line = requestLogLine({ ...request, path: '/x"}\n{"status":500' }, "json");
    expect(line.split("\n")).toHaveLength(1);
    expect(JSON.parse(line).status).toBe(200);
  });

  it("reads as a sentence in text: method, path, its route when different, status, time taken, address and id", () => {
    expect(requestLogLine(request, "text")).toBe("2026-12-03T09:15:00.123Z GET /api/v1/tickets/INC-000123 (/api/v1/tickets/[number]) 200 12.3 ms 203.0.113.7 req-1");
    expect(requestLogLine({ ...request, route: "/queue", path: "/queue", status: 499, aborted: true }, "text")).toBe(
      "2026-12-03T09:15:00.123Z GET /queue 499 aborted 12.3 ms 203.0.113.7 req-1",
    );
  });
});

describe("a job run's log line", () => {
  const run = { time, job: "sweep", runId: "3f2a9c1e-0000-4000-8000-000000000000", durationMs: 41.06 };

  it("in JSON, is written for every run (a quiet one too), with the result as an object and the error's message", () => {
    expect(JSON.parse(jobLogLine({ ...run, result: { escalated: 2, alerted: 1 } }, "json")!)).toEqual({
      time: "2026-12-03T09:15:00.123Z",
      type: "job",
      job: "sweep",
      runId: run.runId,
      durationMs: 41.1,
      result: { escalated: 2, alerted: 1 },
    });
    expect(JSON.parse(jobLogLine({ ...run, result: null }, "json")!).result).toBeNull();
    expect(JSON.parse(jobLogLine({ ...run, result: null, error: new Error("database away") }, "json")!).error).toBe("database away");
  });

  it("in text, is written only for a run that did something or failed, as [job] what happened", () => {
    expect(jobLogLine({ ...run, result: null }, "text")).toBeNull();
    expect(jobLogLine({ ...run, result: { escalated: 2 } }, "text")).toBe('[sweep] {"escalated":2} (run 3f2a9c1e, 41.1 ms)');
    expect(jobLogLine({ ...run, result: "orphan files removed" }, "text")).toBe("[sweep] orphan files removed (run 3f2a9c1e, 41.1 ms)");
    expect(jobLogLine({ ...run, result: null, error: new Error("database away") }, "text")).toBe("[sweep] failed: database away (run 3f2a9c1e, 41.1 ms)");
  });
});
