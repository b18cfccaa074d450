import { unchecked, type Unchecked } from "@/lib/validation/unchecked";

/**
 * The `Idempotency-Key` request header, moved into the body as `idempotencyKey` so the shared schema
 * validates it. The header wins over a key in the body; a body that is not an object is left to fail validation.
 */
export function withIdempotencyKey(body: Unchecked, headers: Headers): Unchecked {
  const key = headers.get("idempotency-key");
  if (key === null || typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return unchecked({ ...body, idempotencyKey: key });
}
