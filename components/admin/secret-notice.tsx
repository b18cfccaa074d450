/** A newly issued PIN or password, shown this once: it is stored only as a hash. */
export function SecretNotice({ userId, kind, secret }: { userId: string; kind: "PIN" | "password" | "new password"; secret: string }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <p>
        {kind === "PIN" ? "PIN" : kind === "password" ? "First password" : "New password"} for <strong>{userId}</strong>:{" "}
        <code data-testid="issued-secret" className="rounded bg-white px-2 py-0.5 font-mono text-base">
          {secret}
        </code>
      </p>
      <p>Give it to them now: it is shown only this once and cannot be looked up later.</p>
    </div>
  );
}
