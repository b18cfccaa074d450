// Playwright fixtures of the API suite: typed clients signed in as the demo users (one sign-in per user and
// worker), and the worker's count of validated responses, written where report.teardown.ts adds them up.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect } from "@playwright/test";
import { ADMIN, CUSTOMER_ACME, CUSTOMER_GLOBEX, L1_AGENT, L1_AGENT_2, L2_AGENT, MANAGER, type LoginKind } from "../e2e/helpers";
import { apiClient, generatedDocument, ValidationLog, type ApiClient } from "./client";
import { OpenApiValidator } from "./openapi-validator";
import { signInCookie } from "./session";

/** Where each worker leaves its counts (inside Playwright's output directory, emptied before every run). */
export const VALIDATION_LOG_DIR = "api-validated";

const USERS = {
  customer: { kind: "customer", userId: CUSTOMER_ACME.userId, secret: CUSTOMER_ACME.pin },
  otherCustomer: { kind: "customer", userId: CUSTOMER_GLOBEX.userId, secret: CUSTOMER_GLOBEX.pin },
  l1: { kind: "staff", userId: L1_AGENT.userId, secret: L1_AGENT.password },
  l1b: { kind: "staff", userId: L1_AGENT_2.userId, secret: L1_AGENT_2.password },
  l2: { kind: "staff", userId: L2_AGENT.userId, secret: L2_AGENT.password },
  manager: { kind: "staff", userId: MANAGER.userId, secret: MANAGER.password },
  admin: { kind: "staff", userId: ADMIN.userId, secret: ADMIN.password },
} as const satisfies Record<string, { kind: LoginKind; userId: string; secret: string }>;
export type DemoUser = keyof typeof USERS;

export interface Api {
  /** No credentials at all. */
  anonymous: ApiClient;
  /** Signed in as a demo user by session cookie; writes carry the Origin of this site, as a browser's do. */
  as(user: DemoUser): Promise<ApiClient>;
  /** Authorization: Bearer <token>, and no cookie. */
  withToken(token: string): ApiClient;
}

export const test = base.extend<object, { validationLog: ValidationLog; api: Api }>({
  validationLog: [
    async ({}, use, workerInfo) => {
      const log = new ValidationLog();
      await use(log);
      const dir = path.join(workerInfo.project.outputDir, VALIDATION_LOG_DIR);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `worker-${workerInfo.workerIndex}.json`), JSON.stringify({ validated: log.validated, statusOnly: log.statusOnly }));
    },
    { scope: "worker" },
  ],
  api: [
    async ({ validationLog }, use, workerInfo) => {
      const baseUrl = String(workerInfo.project.use.baseURL);
      const validator = new OpenApiValidator(generatedDocument());
      const client = (headers: Record<string, string>) => apiClient(baseUrl, headers, validator, validationLog);
      const sessions = new Map<DemoUser, Promise<ApiClient>>();
      await use({
        anonymous: client({}),
        as(user) {
          let session = sessions.get(user);
          if (!session) {
            const { kind, userId, secret } = USERS[user];
            session = signInCookie(baseUrl, kind, userId, secret).then((cookie) => client({ cookie, origin: baseUrl }));
            sessions.set(user, session);
          }
          return session;
        },
        withToken: (token) => client({ authorization: `Bearer ${token}` }),
      });
    },
    { scope: "worker" },
  ],
});

export { expect };

/** The body of a call that answered `status`; fails with the error body otherwise. */
export function expectOk<T>(result: { data?: T; error?: unknown; response: Response }, status = 200): T {
  expect(result.response.status, `${result.response.url}: ${JSON.stringify(result.error)}`).toBe(status);
  expect(result.data).toBeDefined();
  return result.data as T;
}

/** The error body of a call that answered `status` with `code`. */
export function expectError<E extends { error: { code: string } }>(result: { data?: unknown; error?: E; response: Response }, status: number, code: string): E["error"] {
  expect(result.response.status, `${result.response.url}: ${JSON.stringify(result.data ?? result.error)}`).toBe(status);
  expect(result.error?.error.code).toBe(code);
  return result.error!.error;
}
