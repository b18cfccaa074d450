import { scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DECOY_HASH,
  PIN_MAX_DIGITS,
  PIN_MIN_DIGITS,
  generatePin,
  hashSecret,
  isWellFormedPin,
  verifySecret,
} from "@/lib/auth/secret-hash";

// Real hashes cost 128 MiB and a few hundred ms each: this file makes five of them
// (two hashSecret, three verifySecret against real parameters). Every other check uses
// cheap parameters written into the stored string, or fails before deriving anything.
const SLOW = 60_000;
const FORMAT = /^scrypt\$N=131072,r=8,p=1\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/;

/** A stored hash with cheap parameters, derived independently with node:crypto. */
function cheapHash(secret: string, params = { N: 16, r: 1, p: 1 }): string {
  const salt = Buffer.from("0123456789abcdef");
  const key = scryptSync(secret, salt, 32, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

describe("hashSecret and verifySecret", () => {
  const secret = "correct horse battery staple";
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
  }, SLOW);

  it("writes scrypt$N=131072,r=8,p=1$<16-byte salt>$<32-byte hash> in base64url", () => {
    const match = first.match(FORMAT);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, "base64url")).toHaveLength(16);
    expect(Buffer.from(match![2]!, "base64url")).toHaveLength(32);
    expect(second).toMatch(FORMAT);
  });

  it("salts every hash: two hashes of the same secret differ in salt and hash", () => {
    const [, saltA, hashA] = first.match(FORMAT)!;
    const [, saltB, hashB] = second.match(FORMAT)!;
    expect(saltA).not.toBe(saltB);
    expect(hashA).not.toBe(hashB);
  });

  it(
    "verifies the right secret and rejects a wrong one",
    async () => {
      const [right, wrong] = await Promise.all([
        verifySecret(secret, first),
        verifySecret("correct horse battery stapler", first),
      ]);
      expect(right).toBe(true);
      expect(wrong).toBe(false);
    },
    SLOW,
  );

  it(
    "DECOY_HASH has the real format and parameters, and verifies nothing",
    async () => {
      expect(DECOY_HASH).toMatch(FORMAT);
      expect(await verifySecret("", DECOY_HASH)).toBe(false);
    },
    SLOW,
  );
});

describe("verifySecret against stored strings", () => {
  it("reads the parameters from the stored string", async () => {
    const stored = cheapHash("open sesame");
    expect(await verifySecret("open sesame", stored)).toBe(true);
    expect(await verifySecret("open sesamE", stored)).toBe(false);
    expect(await verifySecret("", stored)).toBe(false);
    const otherParams = cheapHash("open sesame", { N: 32, r: 2, p: 1 });
    expect(await verifySecret("open sesame", otherParams)).toBe(true);
  });

  it("normalizes the secret to NFKC before hashing", async () => {
    // U+FB01 LATIN SMALL LIGATURE FI is "fi" under NFKC.
    const stored = cheapHash("fi");
    expect(await verifySecret("\uFB01", stored)).toBe(true);
    // "e" + COMBINING ACUTE ACCENT composes to U+00E9.
    expect(await verifySecret("e\u0301", cheapHash("\u00E9"))).toBe(true);
  });

  it("rejects a hash whose salt was changed", async () => {
    const stored = cheapHash("open sesame");
    const parts = stored.split("$");
    parts[2] = Buffer.from("fedcba9876543210").toString("base64url");
    expect(await verifySecret("open sesame", parts.join("$"))).toBe(false);
  });

  it("returns false for stored strings that are not scrypt hashes", async () => {
    const valid = cheapHash("x");
    const malformed = [
      "",
      "x",
      "scrypt",
      "$2b$12$abcdefghijklmnopqrstuuMDuTA1KXbVV1pD4KkXyYrLtWnMfOtGa", // bcrypt
      "scrypt$N=16,r=1,p=1$MDEyMzQ1Njc4OWFiY2RlZg", // no hash part
      "scrypt$N=16,r=1,p=1$$AAAA", // empty salt
      "scrypt$N=abc,r=1,p=1$AAAA$AAAA",
      "scrypt$r=1,N=16,p=1$AAAA$AAAA",
      "SCRYPT" + valid.slice("scrypt".length),
      ` ${valid}`,
      `${valid}\n`,
      valid.replace(/\$([^$]+)$/, "$+/+/"), // standard base64, not base64url
    ];
    for (const stored of malformed) {
      expect(await verifySecret("x", stored), JSON.stringify(stored)).toBe(false);
    }
  });

  it("returns false when the stored hash has the wrong length", async () => {
    // Well-formed but only 3 bytes of hash: no 32-byte key can match.
    expect(await verifySecret("x", "scrypt$N=16,r=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).toBe(false);
    const valid = cheapHash("x");
    expect(await verifySecret("x", `${valid}AAAA`)).toBe(false);
  });

  it("returns false, rather than throwing, for impossible scrypt parameters", async () => {
    // N must be a power of two above 1; a stored string with N=3 is malformed.
    await expect(verifySecret("x", "scrypt$N=3,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).resolves.toBe(false);
  });

  it("returns false for parameters outside the supported range instead of spending gigabytes on them", async () => {
    await expect(verifySecret("x", "scrypt$N=1073741824,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).resolves.toBe(false);
    await expect(verifySecret("x", "scrypt$N=131072,r=64,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).resolves.toBe(false);
    await expect(verifySecret("x", "scrypt$N=131072,r=8,p=16$AAAAAAAAAAAAAAAAAAAAAA$AAAA")).resolves.toBe(false);
  });
});

describe("generatePin", () => {
  it("makes six digits by default", () => {
    const pin = generatePin();
    expect(pin).toMatch(/^[0-9]{6}$/);
  });

  it("makes six, seven or eight digits on request", () => {
    expect(generatePin(6)).toMatch(/^[0-9]{6}$/);
    expect(generatePin(7)).toMatch(/^[0-9]{7}$/);
    expect(generatePin(8)).toMatch(/^[0-9]{8}$/);
    expect([PIN_MIN_DIGITS, PIN_MAX_DIGITS]).toEqual([6, 8]);
  });

  it.each([0, 1, 5, 9, 12, -6, 6.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s digits with a RangeError", (digits) => {
    expect(() => generatePin(digits)).toThrow(RangeError);
    expect(() => generatePin(digits)).toThrow("A PIN has 6–8 digits.");
  });

  it("uses every digit, leading zeros included, and does not repeat itself", () => {
    const pins = Array.from({ length: 1000 }, () => generatePin(8));
    const digits = new Set(pins.join(""));
    expect([...digits].sort().join("")).toBe("0123456789");
    // A PIN that starts with 0 keeps its length (1 in 10 do; none in 1000 would be a 1e-46 chance).
    expect(pins.some((pin) => pin.startsWith("0"))).toBe(true);
    expect(pins.every((pin) => pin.length === 8)).toBe(true);
    // 1000 independent draws from 10^8 repeat a PIN with ~0.5% chance; three repeats are a ~1e-8 chance.
    expect(new Set(pins).size).toBeGreaterThanOrEqual(998);
  });
});

describe("isWellFormedPin", () => {
  it.each(["123456", "000000", "1234567", "12345678", "00000000"])("accepts %j", (pin) => {
    expect(isWellFormedPin(pin)).toBe(true);
  });

  it.each([
    "",
    "12345",
    "123456789",
    "12345a",
    "abcdef",
    " 123456",
    "123456 ",
    "123456\n",
    "12 3456",
    "-123456",
    "+123456",
    "123.456",
    "1e5000",
    "١٢٣٤٥٦", // Arabic-Indic digits
    "１２３４５６", // full-width digits
  ])("rejects %j", (pin) => {
    expect(isWellFormedPin(pin)).toBe(false);
  });

  it("accepts every PIN generatePin makes", () => {
    for (const digits of [6, 7, 8]) expect(isWellFormedPin(generatePin(digits))).toBe(true);
  });
});
