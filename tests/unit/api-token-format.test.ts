import { describe, expect, it } from "vitest";
import { base62, generateApiToken, SHOWN_PREFIX_LENGTH, TOKEN_PATTERN, tokenHash } from "@/lib/tokens/generate-token";
import { lastUseIsStale } from "@/lib/tokens/last-use";
import { tokenStatus } from "@/lib/tokens/token-json";

describe("generateApiToken", () => {
  it("is tdk_ and 43 base62 digits, kept as its SHA-256 hex and its first 8 characters", () => {
    const { token, prefix, hash } = generateApiToken();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(token).toHaveLength(47);
    expect(prefix).toBe(token.slice(0, SHOWN_PREFIX_LENGTH));
    expect(prefix).toMatch(/^tdk_[0-9A-Za-z]{4}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(tokenHash(token));
    expect(hash).not.toContain(token.slice(4));
  });

  it("draws from the whole alphabet with no repeats over 10,000 tokens (about 256 bits each)", () => {
    const tokens = Array.from({ length: 10_000 }, () => generateApiToken().token);
    expect(new Set(tokens).size).toBe(tokens.length);
    const counts = new Map<string, number>();
    for (const t of tokens) for (const c of t.slice(5)) counts.set(c, (counts.get(c) ?? 0) + 1); // the first digit is biased low: 62^43 barely exceeds 2^256
    expect(counts.size).toBe(62);
    const expected = (tokens.length * 42) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.1);
  });

  it("encodes bytes as a fixed-length base62 number", () => {
    expect(base62(new Uint8Array(32))).toBe("0".repeat(43));
    expect(base62(Uint8Array.from([61]))).toBe(`${"0".repeat(42)}z`);
    expect(base62(Uint8Array.from([62]))).toBe(`${"0".repeat(41)}10`);
    const max = base62(new Uint8Array(32).fill(255));
    expect(max).toHaveLength(43);
    expect(BigInt(`0x${"ff".repeat(32)}`)).toBe([...max].reduce((v, c) => v * 62n + BigInt("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".indexOf(c)), 0n));
  });
});

describe("tokenStatus", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  it("is active until its expiry, expired from that instant, and revoked whatever the expiry says", () => {
    expect(tokenStatus({ revokedAt: null, expiresAt: null }, now)).toBe("ACTIVE");
    expect(tokenStatus({ revokedAt: null, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("ACTIVE");
    expect(tokenStatus({ revokedAt: null, expiresAt: now }, now)).toBe("EXPIRED");
    expect(tokenStatus({ revokedAt: now, expiresAt: new Date(now.getTime() - 1) }, now)).toBe("REVOKED");
  });
});

describe("lastUseIsStale", () => {
  const now = new Date("2027-03-01T12:00:00Z");
  it("asks for a write on first use and then at most once a minute", () => {
    expect(lastUseIsStale(null, now)).toBe(true);
    expect(lastUseIsStale(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(lastUseIsStale(new Date(now.getTime() - 60_000), now)).toBe(true);
  });
});
