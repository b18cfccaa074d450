import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (no inline or eval in production), same-site and data: images, no frames, objects or foreign forms", () => {
    const policy = directives(contentSecurityPolicy("abc123=="));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("lets the page load its web app manifest from this site (manifest-src falls back to default-src)", () => {
    const policy = directives(contentSecurityPolicy("n"));
    expect(policy.get("manifest-src") ?? policy.get("default-src")).toEqual(["'self'"]);
  });

  it("adds 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("strictTransportSecurity", () => {
  it("is sent over HTTPS: a proxy's X-Forwarded-Proto or an https NEXTAUTH_URL", () => {
    expect(strictTransportSecurity("https", "http://localhost:3000")).toMatch(/^max-age=31536000/);
    expect(strictTransportSecurity("https,http", undefined)).not.toBeNull();
    expect(strictTransportSecurity(null, "https://desk.example.com")).not.toBeNull();
  });
  it("is not sent over plain HTTP", () => {
    expect(strictTransportSecurity(null, "http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity("http", undefined)).toBeNull();
  });
});

describe("newNonce", () => {
  it("is 16 random bytes in base64, new every time", () => {
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(newNonce());
  });
});
