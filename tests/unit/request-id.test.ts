import { describe, expect, it } from "vitest";
import { acceptedRequestId, requestIdFor } from "@/lib/observability/request-id";

describe("the request id", () => {
  it("takes a well-formed incoming X-Request-Id as it is (a proxy's id follows the request)", () => {
    for (const id of ["abc123", "0b6f3f5e-8c1d-4c55-9d0e-6f1b0c1d2e3f", "lb:1700000000.42", "Root=1-5e1b/abc+def=", "a".repeat(128)]) {
      expect(acceptedRequestId(id)).toBe(id);
      expect(requestIdFor(id)).toBe(id);
    }
    expect(acceptedRequestId("  padded-id  ")).toBe("padded-id");
  });

  it("replaces anything that could break a log line or a header, or is too long, by a new UUID", () => {
    for (const bad of ["", "two words", 'quote"d', "line\nbreak", "tab\tid", "{json}", "-leading-dash", "é-accent", "a".repeat(129), ["a", "b"], undefined, null]) {
      expect(acceptedRequestId(bad as string)).toBeNull();
      expect(requestIdFor(bad as string)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(requestIdFor(undefined)).not.toBe(requestIdFor(undefined));
  });
});
