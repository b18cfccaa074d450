import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, clientAddressOf, trustedProxyHops, UNKNOWN_ADDRESS } from "@/lib/client-address";

describe("clientAddressOf with no trusted proxy (TRUST_PROXY=0)", () => {
  it("uses the socket's address and ignores X-Forwarded-For, whatever the client puts there", () => {
    expect(clientAddressOf("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(clientAddressOf("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddressOf("203.0.113.7", "x", 0)).toBe("203.0.113.7");
    expect(clientAddressOf("::ffff:192.0.2.1", "10.0.0.1", 0)).toBe("192.0.2.1");
    expect(clientAddressOf("2001:db8::1", undefined, 0)).toBe("2001:db8::1");
  });

  it("never answers 'no address': an unknown socket shares one key", () => {
    expect(clientAddressOf(undefined, "198.51.100.1", 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressOf("garbage", undefined, 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe("clientAddressOf behind trusted proxies", () => {
  it("takes the entry N hops from the right: what the nearest trusted proxy saw", () => {
    // client → proxy (appends the client's address) → app
    expect(clientAddressOf("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
    // A client that sends its own X-Forwarded-For cannot choose its address: the proxy appended the real one.
    expect(clientAddressOf("10.0.0.2", "198.51.100.66, 203.0.113.7", 1)).toBe("203.0.113.7");
    // client → CDN → load balancer → app
    expect(clientAddressOf("10.0.0.3", "1.2.3.4, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.3", ["1.2.3.4, 203.0.113.7", "10.0.0.2"], 2)).toBe("203.0.113.7");
  });

  it("falls back to the socket when the entry is missing or not an address", () => {
    expect(clientAddressOf("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.2", "x", 1)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.2", "203.0.113.7", 2)).toBe("10.0.0.2");
    expect(clientAddressOf("10.0.0.2", "203.0.113.7:8080", 1)).toBe("10.0.0.2");
  });
});

describe("trustedProxyHops", () => {
  it("is 0 unless set, and refuses what is not a hop count", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    for (const bad of ["-1", "1.5", "true", "x", "11"]) expect(() => trustedProxyHops(bad), bad).toThrow(/TRUST_PROXY/);
  });
});

describe("clientAddressFrom", () => {
  it("reads the address the app's server decided, and only that", () => {
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8::2" }))).toBe("2001:db8::2");
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.7" })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom({})).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressFrom({ [CLIENT_ADDRESS_HEADER]: "nonsense" })).toBe(UNKNOWN_ADDRESS);
  });
});
