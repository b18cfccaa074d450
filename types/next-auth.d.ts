import type { Role, Tier } from "@/lib/db/generated/enums";

declare module "next-auth" {
  interface User {
    userId: string;
    role: Role;
    tier: Tier | null;
  }
  interface Session {
    user: { id: string; userId: string; name: string; role: Role; tier: Tier | null };
    sid: string;
    authTime: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    role: Role;
    tier: Tier | null;
    sid: string;
    authTime: number;
  }
}
