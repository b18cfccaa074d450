import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";

describe("clientAddressFrom with a plain header object", () => {
  it("reads an IPv4 address", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
  });

  it("reads an IPv6 address", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(clientAddressFrom({ "x-forwarded-for": "::1" })).toBe("::1");
  });

  it("takes the first entry of a comma-separated list, trimmed", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.7, 10.0.0.1, 10.0.0.2" })).toBe("203.0.113.7");
    expect(clientAddressFrom({ "x-forwarded-for": "  198.51.100.23  ,10.0.0.1" })).toBe("198.51.100.23");
  });

  it("takes the first entry of an array of header values", () => {
    expect(clientAddressFrom({ "x-forwarded-for": ["198.51.100.2, 10.0.0.1", "192.0.2.9"] })).toBe("198.51.100.2");
    expect(clientAddressFrom({ "x-forwarded-for": ["192.0.2.9"] })).toBe("192.0.2.9");
  });

  it("unwraps an IPv4-mapped IPv6 address", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "::ffff:192.0.2.1" })).toBe("192.0.2.1");
    expect(clientAddressFrom({ "x-forwarded-for": "::ffff:192.0.2.1, ::ffff:10.0.0.1" })).toBe("192.0.2.1");
  });

  it("returns null when the header is missing or empty", () => {
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": undefined })).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": null })).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "" })).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "   " })).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": [] })).toBeNull();
  });

  it("returns null for garbage", () => {
    for (const value of [
      "not-an-ip",
      "unknown",
      "localhost",
      "203.0.113",
      "256.0.0.1",
      "203.0.113.7:8080",
      "[2001:db8::1]",
      "[2001:db8::1]:443",
      "::ffff:garbage",
      ", 203.0.113.7",
      "203.0.113.7 10.0.0.1",
      "<script>",
      123,
      { address: "203.0.113.7" },
    ]) {
      expect(clientAddressFrom({ "x-forwarded-for": value }), JSON.stringify(value)).toBeNull();
    }
  });

  it("only looks at X-Forwarded-For", () => {
    expect(clientAddressFrom({ "x-real-ip": "203.0.113.7" })).toBeNull();
    expect(clientAddressFrom({ forwarded: "for=203.0.113.7" })).toBeNull();
  });
});

describe("clientAddressFrom with Headers", () => {
  it("reads the header case-insensitively", () => {
    expect(clientAddressFrom(new Headers({ "X-Forwarded-For": "203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "2001:db8::2" }))).toBe("2001:db8::2");
  });

  it("takes the first of a list and of repeated headers", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "198.51.100.2, 10.0.0.1" }))).toBe("198.51.100.2");
    const headers = new Headers();
    headers.append("x-forwarded-for", "192.0.2.44");
    headers.append("x-forwarded-for", "10.0.0.1");
    expect(clientAddressFrom(headers)).toBe("192.0.2.44");
  });

  it("unwraps an IPv4-mapped IPv6 address", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "::ffff:10.1.2.3" }))).toBe("10.1.2.3");
  });

  it("returns null when the header is missing or garbage", () => {
    expect(clientAddressFrom(new Headers())).toBeNull();
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "" }))).toBeNull();
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "nonsense, 203.0.113.7" }))).toBeNull();
  });
});
