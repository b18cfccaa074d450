import { generateStaffPassword } from "@/lib/admin/generate-staff-password";
import { hashSecret } from "@/lib/auth/secret-hash";
import type { Database } from "@/lib/db/client";

export const FIRST_ADMIN_USER_ID = "admin";

/**
 * A desk started without demo data (TIERDESK_DEMO=0) gets one admin with a generated password, returned
 * once to be printed: nothing about it is published anywhere.
 */
export async function createFirstAdmin(db: Database): Promise<{ userId: string; password: string }> {
  const password = generateStaffPassword();
  await db.user.create({ data: { userId: FIRST_ADMIN_USER_ID, name: "Administrator", role: "ADMIN", secretHash: await hashSecret(password) } });
  return { userId: FIRST_ADMIN_USER_ID, password };
}
