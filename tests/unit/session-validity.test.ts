import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_SECONDS, sessionHolds, type SessionCheck } from "@/lib/auth/session-validity";

const signedIn = new Date("2026-11-27T09:00:00.000Z");
const authTime = signedIn.getTime() / 1000;
const user = { active: true, role: "AGENT", secretChangedAt: null as Date | null };
const check = (over: Partial<SessionCheck> = {}, userOver: Partial<typeof user> = {}): SessionCheck => ({ authTime, role: "AGENT", revoked: false, user: { ...user, ...userOver }, ...over });
const later = (seconds: number) => new Date(signedIn.getTime() + seconds * 1000);

describe("sessionHolds", () => {
  it("holds for an active user with the role signed in with, until 12 h after sign-in", () => {
    expect(sessionHolds(check(), later(60))).toBe(true);
    expect(sessionHolds(check(), later(SESSION_MAX_AGE_SECONDS))).toBe(true);
    expect(sessionHolds(check(), later(SESSION_MAX_AGE_SECONDS + 1))).toBe(false);
  });

  it("ends when the user is gone or deactivated, the role changed, or the session was signed out", () => {
    expect(sessionHolds(check({ user: null }), later(60))).toBe(false);
    expect(sessionHolds(check({}, { active: false }), later(60))).toBe(false);
    expect(sessionHolds(check({}, { role: "MANAGER" }), later(60))).toBe(false);
    expect(sessionHolds(check({ revoked: true }), later(60))).toBe(false);
  });

  it("ends when an admin issued a new PIN or reset the password after sign-in; a sign-in after that holds", () => {
    expect(sessionHolds(check({}, { secretChangedAt: later(30) }), later(60))).toBe(false);
    expect(sessionHolds(check({}, { secretChangedAt: later(-30) }), later(60))).toBe(true);
    // The same second as the sign-in (sign-in times are whole seconds): the session holds.
    expect(sessionHolds(check({}, { secretChangedAt: later(0.5) }), later(60))).toBe(true);
    expect(sessionHolds(check({ authTime: authTime + 90 }, { secretChangedAt: later(30) }), later(120))).toBe(true);
  });
});
