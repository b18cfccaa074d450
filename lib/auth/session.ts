import { getServerSession } from "next-auth";
import { actorOf, type Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import { unauthenticated } from "@/lib/errors";
import { authOptions } from "./options";
import { sessionHolds } from "./session-validity";

/** The signed-in actor, re-read from the database on every request while the session holds (`sessionHolds`). */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id || !session.sid) return null;
  const [user, revoked] = await Promise.all([
    db().user.findUnique({ where: { id: session.user.id } }),
    db().revokedSession.findUnique({ where: { jti: session.sid }, select: { jti: true } }),
  ]);
  if (!sessionHolds({ authTime: session.authTime, role: session.user.role, revoked: revoked !== null, user }, new Date())) return null;
  return actorOf(user!);
}

export async function requireUser(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw unauthenticated();
  return actor;
}
