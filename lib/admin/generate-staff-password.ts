import { randomInt } from "node:crypto";

// No 0/O, 1/l/I: read aloud or copied by hand without mistakes.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A first password for a new staff member: 16 characters from the CSPRNG (over 90 bits), shown once. */
export function generateStaffPassword(length = 16): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}
