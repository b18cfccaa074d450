import { describe, expect, it } from "vitest";
import { isLoopbackAddress, metricsAccessOf } from "@/lib/health/metrics-access";

describe("who may read /api/metrics", () => {
  it("counts 127.0.0.0/8 and ::1 as this machine, nothing else", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1"]) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ["10.0.0.1", "203.0.113.7", "::ffff:127.0.0.1", "fe80::1", "unknown", "127.0.0.1.example.com", ""]) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  it("lets a scraper on this machine in without credentials only when scripts/serve.ts decided the address", () => {
    expect(metricsAccessOf({ hasAuthorization: false, clientAddress: "127.0.0.1", addressTrusted: true })).toBe("loopback");
    // Under next start or next dev the client-address header is whatever the client sent.
    expect(metricsAccessOf({ hasAuthorization: false, clientAddress: "127.0.0.1", addressTrusted: false })).toBe("refused");
    expect(metricsAccessOf({ hasAuthorization: false, clientAddress: "203.0.113.7", addressTrusted: true })).toBe("refused");
    expect(metricsAccessOf({ hasAuthorization: false, clientAddress: "unknown", addressTrusted: true })).toBe("refused");
  });

  it("checks a request that carries a token as a token, from this machine too (a token without the scope is refused)", () => {
    expect(metricsAccessOf({ hasAuthorization: true, clientAddress: "127.0.0.1", addressTrusted: true })).toBe("token");
    expect(metricsAccessOf({ hasAuthorization: true, clientAddress: "203.0.113.7", addressTrusted: false })).toBe("token");
  });
});
