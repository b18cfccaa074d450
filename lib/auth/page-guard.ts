import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/actor";
import type { Role } from "@/lib/db/generated/enums";
import { homePathFor } from "./home";
import { REQUEST_PATH_HEADER } from "./request-path";
import { getActor } from "./session";

/** For pages and layouts: the signed-in actor with one of `roles`; otherwise to sign-in (and back), or to the actor's own home. */
export async function requirePageActor(roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    const returnTo = (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (!roles.includes(actor.role)) redirect(homePathFor(actor.role));
  return actor;
}
