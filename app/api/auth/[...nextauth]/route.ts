import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { gateSignIns } from "@/lib/auth/sign-in-gate";

const handler = NextAuth(authOptions);

export const GET = handler;
export const POST = gateSignIns(handler);
