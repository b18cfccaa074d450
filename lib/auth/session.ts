import { getServerSession } from "next-auth";
import { actorOf, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { unauthenticated } from "@/lib/errors";
import { authOptions } from "./options";
import { sessionHolds } from "./session-validity";

/** A session that holds: its actor, and what a long-lived response (a live stream) checks it against later. */
export interface HeldSession {
  actor: Actor;
  /** The session's id (revoked at sign-out). */
  sid: string;
  /** Seconds since the epoch at sign-in. */
  authTime: number;
  /** The role it signed in with. */
  role: Actor["role"];
}

/** The signed-in session, re-read from the database on every request while it holds (`sessionHolds`). */
export async function getSession(): Promise<HeldSession | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !session.sid) return null;
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: session.user.id } }),
    db().revokedSession.findUnique({ where: { jti: session.sid }, select: { jti: true } }),
  ]);
  if (!sessionHolds({ authTime: session.authTime, role: session.user.role, revoked: revoked !== null, user }, new Date())) return null;
  return { actor: actorOf(user!), sid: session.sid, authTime: session.authTime, role: session.user.role };
}

/** The signed-in actor, re-read from the database on every request while the session holds (`sessionHolds`). */
export async function getActor(): Promise<Actor | null> {
  return (await getSession())?.actor ?? null;
}

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  return actor;
}
