import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/auth/home";
import { getActor } from "@/lib/auth/session";

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? homePathFor(actor.role) : "/login");
}
