import { randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate, INVALID_LOGIN_MESSAGE, LOCKED_LOGIN_MESSAGE, throttledMessage, type AuthResult, type LoginKind } from "./authenticate";
import { clientAddressFrom } from "@/lib/client-address";
import { deviceTokenFrom, rememberDevice } from "./device-cookie";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS } from "./session-validity";

function refusalMessage(result: Exclude<AuthResult, { ok: true }>): string {
  if (result.reason === "throttled") return throttledMessage(result.retryAfterSeconds);
  return result.reason === "locked" ? LOCKED_LOGIN_MESSAGE : INVALID_LOGIN_MESSAGE;
}

function credentialsProvider(kind: LoginKind) {
  const secretField = kind === "customer" ? "pin" : "password";
  return CredentialsProvider({
    id: kind,
    name: kind === "customer" ? "Customer" : "Staff",
    credentials: {
      userId: { label: "User ID", type: "text" },
      [secretField]: { label: kind === "customer" ? "PIN" : "Password", type: "password" },
    },
    async authorize(credentials, req): Promise<User | null> {
      const headers = req?.headers ?? {};
      const result = await authenticate(
        kind,
        { userId: credentials?.userId, secret: credentials?.[secretField] },
        clientAddressFrom(headers),
        new Date(),
        deviceTokenFrom(headers, credentials?.userId),
      );
      if (!result.ok) throw new Error(refusalMessage(result));
      const { actor } = result;
      await rememberDevice(actor.userId, result.deviceToken);
      return { id: actor.id, name: actor.name, userId: actor.userId, role: actor.role, tier: actor.tier };
    },
  });
}

export const authOptions: NextAuthOptions = {
  providers: [credentialsProvider("customer"), credentialsProvider("staff")],
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.userId = user.userId;
        token.role = user.role;
        token.tier = user.tier;
        token.sid = randomUUID();
        token.authTime = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub!,
        userId: token.userId,
        name: token.name ?? token.userId,
        role: token.role,
        tier: token.tier,
      };
      session.sid = token.sid;
      session.authTime = token.authTime;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (!token?.sid) return;
      const expiresAt = new Date(((token.authTime ?? 0) + SESSION_MAX_AGE_SECONDS) * 1000);
      await db().revokedSession.upsert({ where: { jti: token.sid }, create: { jti: token.sid, expiresAt }, update: {} });
    },
  },
};
