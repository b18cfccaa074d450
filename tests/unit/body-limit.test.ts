import { describe, expect, it } from "vitest";
import { bodyLimitFor, bodySizeRefusal, DEFAULT_BODY_LIMIT_BYTES, FILE_BODY_LIMIT_BYTES } from "@/lib/http/body-limit";

describe("bodyLimitFor", () => {
  it("gives 52 MB to the pages whose forms carry files, 1 MB to every other page", () => {
    expect(bodyLimitFor("/portal")).toBe(FILE_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/portal/tickets/INC-000123")).toBe(FILE_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/queue/tickets/INC-000123")).toBe(FILE_BODY_LIMIT_BYTES);
    for (const path of ["/portal/tickets", "/portal/articles/reset-pin", "/queue/tickets", "/queue/tickets/INC-1/x", "/admin/people", "/login", "/portal/tickets/INC-1/x", "/portalx"]) {
      expect(bodyLimitFor(path), path).toBe(DEFAULT_BODY_LIMIT_BYTES);
    }
  });
});

describe("bodySizeRefusal", () => {
  const MB = 1024 * 1024;
  it("lets a body up to the limit through, and a request without a body", () => {
    expect(bodySizeRefusal({ contentLength: String(MB), transferEncoding: null }, MB)).toBeNull();
    expect(bodySizeRefusal({ contentLength: "0", transferEncoding: null }, MB)).toBeNull();
    expect(bodySizeRefusal({ contentLength: null, transferEncoding: null }, MB)).toBeNull();
  });
  it("refuses a declared length over the limit, a length that is no number, and a chunked body of unknown size", () => {
    expect(bodySizeRefusal({ contentLength: String(MB + 1), transferEncoding: null }, MB)).toBe("The body is over 1 MB.");
    expect(bodySizeRefusal({ contentLength: "12abc", transferEncoding: null }, MB)).not.toBeNull();
    expect(bodySizeRefusal({ contentLength: null, transferEncoding: "chunked" }, MB)).toMatch(/Content-Length/);
  });
});
