import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "tdk_";
/** 32 random bytes in base62: 62^43 > 2^256, so 43 digits hold every value; shorter ones are padded with 0. */
const RANDOM_BYTES = 32;
const BODY_LENGTH = 43;
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** How much of the token the lists show to tell tokens apart ("tdk_AbC1"): 4 random characters, useless to a guesser. */
export const SHOWN_PREFIX_LENGTH = 8;

export const TOKEN_PATTERN = new RegExp(`^${TOKEN_PREFIX}[0-9A-Za-z]{${BODY_LENGTH}}$`);

/** `bytes` as a fixed-length base62 number. */
export function base62(bytes: Uint8Array, length = BODY_LENGTH): string {
  let value = BigInt(`0x${Buffer.from(bytes).toString("hex") || "0"}`);
  let digits = "";
  while (value > 0n) {
    digits = BASE62[Number(value % 62n)] + digits;
    value /= 62n;
  }
  return digits.padStart(length, "0");
}

/** What a token is stored as: SHA-256, hex. A token is 256 random bits, so a fast hash is enough (nothing to brute-force). */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token from the CSPRNG, with what is kept of it: the shown prefix and the hash. */
export function generateApiToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + base62(randomBytes(RANDOM_BYTES));
  return { token, prefix: token.slice(0, SHOWN_PREFIX_LENGTH), hash: tokenHash(token) };
}
