import type { Actor } from "@/lib/actor";
import { normalizeUserId } from "@/lib/auth/authenticate";
import { generatePin, hashSecret } from "@/lib/auth/secret-hash";
import { db } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { isRawUniqueViolation } from "@/lib/db/raw-unique-violation";
import { isUniqueConstraintViolation } from "@/lib/db/unique-violation";
import { ZCreatePerson } from "@/lib/validation/admin";
import { parseInput } from "@/lib/validation/parse";
import type { VerbInput } from "@/lib/validation/unchecked";
import { requireAdminWrite } from "./authorize";
import { generateStaffPassword } from "./generate-staff-password";
import { auditedPerson, PERSON_SELECT, personView, type PersonView } from "./person-json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** The expression index on lower("userId") (migration user_id_unique_any_case). */
const USER_ID_ANY_CASE_INDEX = "User_userId_lower_key";

/** 409: someone already has this user ID, in this case or another (BOB and bob are the same ID). */
const userIdTaken = (userId: string) => {
  const message = `The user ID ${userId} is taken: user IDs are unique whatever their case.`;
  return new AppError("CONFLICT", message, { userId: [message] });
};

/**
 * Creates a customer (with a system-issued PIN) or a staff member (with a generated first password).
 * The secret is returned once, here, and stored only as its scrypt hash.
 */
export async function createPerson(actor: Actor, input: VerbInput<typeof ZCreatePerson>): Promise<{ person: PersonView; secret: string; secretKind: "PIN" | "password" }> {
  requireAdminWrite(actor);
  const data = parseInput(ZCreatePerson, input);
  const customer = data.role === "CUSTOMER";
  const userId = normalizeUserId(customer ? "customer" : "staff", data.userId);
  const secret = customer ? generatePin() : generateStaffPassword();
  const secretHash = await hashSecret(secret);
  try {
    const person = await db().$transaction(async (tx) => {
      const organization = data.organization ? await tx.organization.findUnique({ where: { slug: data.organization }, select: { id: true } }) : null;
      if (data.organization && !organization) throw invalid({ organization: ["No organization with that slug."] });
      const row = await tx.user.create({
        data: {
          userId,
          name: data.name,
          email: data.email || null,
          role: data.role,
          tier: data.role === "AGENT" && data.tier ? data.tier : null,
          organizationId: organization?.id ?? null,
          secretHash,
        },
        select: { ...PERSON_SELECT, id: true },
      });
      const view = personView(row);
      await recordAuditEvent(tx, actor, { entity: "User", entityId: row.id, action: "create", before: null, after: auditedPerson(view) });
      return view;
    });
    return { person, secret, secretKind: customer ? "PIN" : "password" };
  } catch (error) {
    if (isUniqueConstraintViolation(error) || isRawUniqueViolation(error, USER_ID_ANY_CASE_INDEX)) throw userIdTaken(userId);
    throw error;
  }
}
