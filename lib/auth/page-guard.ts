import { redirect } from "next/navigation";
import type { Actor } from "@/lib/actor";
import type { Role } from "@/lib/db/generated/enums";
import { homePathFor } from "./home";
import { getActor } from "./session";

/** For pages: the signed-in actor with one of `roles`; otherwise off to the login page or the actor's own home. */
export async function requirePageActor(roles: Role[], returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!roles.includes(actor.role)) redirect(homePathFor(actor.role));
  return actor;
}
