import { getServerSession } from "next-auth";
import { actorOf, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { unauthenticated } from "@/lib/errors";
import { authOptions, SESSION_MAX_AGE_SECONDS } from "./options";

/**
 * The signed-in actor, re-read from the database on every request: a deactivated user, a changed role,
 * a logged-out session or one older than 12 h counts as signed out.
 */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !session.sid) return null;
  if (Date.now() / 1000 - session.authTime > SESSION_MAX_AGE_SECONDS) return null;
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: session.user.id } }),
    db().revokedSession.findUnique({ where: { jti: session.sid }, select: { jti: true } }),
  ]);
  if (!user || !user.active || revoked || user.role !== session.user.role) return null;
  return actorOf(user);
}

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  return actor;
}
