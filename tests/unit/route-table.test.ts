import { describe, expect, it } from "vitest";
import { routePatterns } from "@/lib/observability/route-patterns";
import { routeOf, routeTableOf, UNMATCHED_ROUTE } from "@/lib/observability/route-table";
import { httpLabels } from "@/lib/observability/metrics";

describe("the route of a request path", () => {
  const table = routeTableOf(routePatterns());

  it("is the app's route pattern: ids, ticket numbers and slugs become the placeholder the app names them by", () => {
    expect(routeOf("/api/v1/tickets/INC-000123", table)).toBe("/api/v1/tickets/[number]");
    expect(routeOf("/api/v1/tickets/REQ-1234567/comments", table)).toBe("/api/v1/tickets/[number]/comments");
    expect(routeOf("/api/v1/tickets/INC-000001/attachments/42", table)).toBe("/api/v1/tickets/[number]/attachments/[id]");
    expect(routeOf("/api/v1/admin/groups/service-desk", table)).toBe("/api/v1/admin/groups/[slug]");
    expect(routeOf("/api/v1/admin/tokens/0b6f3f5e-8c1d-4c55-9d0e-6f1b0c1d2e3f", table)).toBe("/api/v1/admin/tokens/[tokenId]");
    expect(routeOf("/queue/tickets/INC-000007", table)).toBe("/queue/tickets/[number]");
    expect(routeOf("/api/auth/callback/customer", table)).toBe("/api/auth/[...nextauth]");
  });

  it("prefers a static route over a dynamic one at the same place, and ignores route groups and trailing slashes", () => {
    expect(routeOf("/api/v1/tickets/bulk", table)).toBe("/api/v1/tickets/bulk");
    expect(routeOf("/admin/kb/new", table)).toBe("/admin/kb/new");
    expect(routeOf("/admin/kb/some-article", table)).toBe("/admin/kb/[slug]");
    expect(routeOf("/portal/", table)).toBe("/portal");
    expect(routeOf("/", table)).toBe("/");
    expect(routeOf("/api/health/ready", table)).toBe("/api/health/ready");
    expect(routeOf("/api/metrics", table)).toBe("/api/metrics");
  });

  it("knows Next.js's own files and the public files, and puts a path no route serves under one label", () => {
    expect(routeOf("/_next/static/chunks/app/page-0123abcd.js", table)).toBe("/_next/static/[...path]");
    expect(routeOf("/favicon.ico", table)).toBe("/favicon.ico");
    expect(routeOf("/icon-192.png", table)).toBe("/icon-192.png");
    expect(routeOf("/wp-admin/setup-config.php", table)).toBe(UNMATCHED_ROUTE);
    expect(routeOf("/api/v1/tickets/INC-1/no-such-thing/9", table)).toBe(UNMATCHED_ROUTE);
  });

  it("ranks patterns as Next.js does: [x] before [...x] before [[...x]]", () => {
    const ranked = routeTableOf(["/docs/[[...rest]]", "/docs/[...path]", "/docs/[page]", "/docs/intro"]);
    expect(routeOf("/docs", ranked)).toBe("/docs/[[...rest]]");
    expect(routeOf("/docs/intro", ranked)).toBe("/docs/intro");
    expect(routeOf("/docs/other", ranked)).toBe("/docs/[page]");
    expect(routeOf("/docs/a/b", ranked)).toBe("/docs/[...path]");
  });

  it("without a table (a dev server), replaces ids and numbers in the path by placeholders", () => {
    expect(routeOf("/api/v1/tickets/INC-000123/attachments/17", null)).toBe("/api/v1/tickets/[number]/attachments/[n]");
    expect(routeOf("/api/v1/admin/webhooks/0b6f3f5e-8c1d-4c55-9d0e-6f1b0c1d2e3f", null)).toBe("/api/v1/admin/webhooks/[id]");
    expect(routeOf("/portal/articles/reset-your-password", null)).toBe("/portal/articles/reset-your-password");
  });
});

describe("a request's metric labels", () => {
  it("are its method (unknown ones as OTHER), route and status class", () => {
    expect(httpLabels("get", "/queue", 200)).toEqual({ method: "GET", route: "/queue", status_class: "2xx" });
    expect(httpLabels("PROPFIND", "/queue", 405)).toEqual({ method: "OTHER", route: "/queue", status_class: "4xx" });
    expect(httpLabels("POST", "/api/v1/tickets", 503).status_class).toBe("5xx");
  });
});
