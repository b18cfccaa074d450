/**
 * The `Idempotency-Key` request header, moved into the body as `idempotencyKey` so the shared schema
 * validates it. The header wins over a key in the body; a body that is not an object is left to fail validation.
 */
export function withIdempotencyKey(body: unknown, headers: Headers): unknown {
  const key = headers.get("idempotency-key");
  if (key === null || typeof body !== "object" || body === null || Array.isArray(body)) return body;
  return { ...body, idempotencyKey: key };
}
