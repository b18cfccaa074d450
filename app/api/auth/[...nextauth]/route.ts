import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { checkSessionReads } from "@/lib/auth/session-endpoint";
import { gateSignIns } from "@/lib/auth/sign-in-gate";

const handler = NextAuth(authOptions);

export const GET = checkSessionReads(handler);
export const POST = gateSignIns(handler);
