import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1 (128 MiB per hash).
const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const maxmem = (p: { N: number; r: number }) => 128 * p.N * p.r + 1024 * 1024;

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: maxmem(params) };
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize("NFKC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "scrypt$N=131072,r=8,p=1$<salt>$<hash>", base64url: the parameters travel with the hash. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, PARAMS);
  return `scrypt$N=${PARAMS.N},r=${PARAMS.r},p=${PARAMS.p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** Stored parameters are data: refuse any that would cost more than twice what we issue. */
function acceptable({ N, r, p }: { N: number; r: number; p: number }): boolean {
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  return powerOfTwo && r >= 1 && p >= 1 && p <= 4 && 128 * N * r <= 2 * 128 * PARAMS.N * PARAMS.r;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const match = stored.match(/^scrypt\$N=(\d{1,10}),r=(\d{1,3}),p=(\d{1,3})\$([\w-]+)\$([\w-]+)$/);
  if (!match) return false;
  const [, n, r, p, salt, hash] = match;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!acceptable(params)) return false;
  const expected = Buffer.from(hash!, "base64url");
  const key = await derive(secret, Buffer.from(salt!, "base64url"), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows: verifying against it costs what a real check costs. */
export const DECOY_HASH = "scrypt$N=131072,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;
export const PASSWORD_MIN_LENGTH = 12;

/** A PIN issued by the system: uniformly random digits from the CSPRNG. */
export function generatePin(digits = PIN_MIN_DIGITS): string {
  if (!Number.isInteger(digits) || digits < PIN_MIN_DIGITS || digits > PIN_MAX_DIGITS) {
    throw new RangeError(`A PIN has ${PIN_MIN_DIGITS}–${PIN_MAX_DIGITS} digits.`);
  }
  return Array.from({ length: digits }, () => randomInt(10)).join("");
}

export const isWellFormedPin = (pin: string) => new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`).test(pin);
