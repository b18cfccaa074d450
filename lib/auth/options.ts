import { randomUUID } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { authenticate, INVALID_LOGIN_MESSAGE, throttledMessage, type LoginKind } from "./authenticate";
import { clientAddressFrom } from "./client-address";
import { authSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS } from "./session-validity";


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
      const result = await authenticate(
        kind,
        { userId: credentials?.userId, secret: credentials?.[secretField] },
        clientAddressFrom(req?.headers ?? {}),
      );
      if (!result.ok) {
        throw new Error(result.reason === "throttled" ? throttledMessage(result.retryAfterSeconds) : INVALID_LOGIN_MESSAGE);
      }
      const { actor } = result;
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
