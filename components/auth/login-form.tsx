"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS } from "@/components/ui/field";

type Kind = "customer" | "staff";

export function LoginForm({ callbackUrl, initialKind }: { callbackUrl: string; initialKind: Kind }) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initialKind);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const secretField = kind === "customer" ? "pin" : "password";
    const result = await signIn(kind, {
      redirect: false,
      userId: String(form.get("userId") ?? ""),
      [secretField]: String(form.get(secretField) ?? ""),
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.");
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div role="group" aria-label="I am" className="mb-5 grid grid-cols-2 gap-1 rounded-md bg-slate-100 p-1 text-sm">
        {(["customer", "staff"] as const).map((k) => (
          <button
            key={k}
            type="button"
            aria-pressed={kind === k}
            onClick={() => {
              setKind(k);
              setError(null);
            }}
            className={`rounded px-3 py-1.5 font-medium ${kind === k ? "bg-white text-indigo-800 shadow" : "text-slate-700"}`}
          >
            {k === "customer" ? "Customer" : "Support staff"}
          </button>
        ))}
      </div>
      {/* POST: if the form is submitted before hydration (or without JavaScript), the secret must not land in the URL. */}
      <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="userId" label="User ID" hint={kind === "customer" ? "Your support user ID, for example C1001." : undefined}>
          {(describedBy) => (
            <input id="userId" name="userId" autoComplete="username" required className={INPUT_CLASS} aria-describedby={describedBy} />
          )}
        </Field>
        {kind === "customer" ? (
          <Field id="pin" label="PIN" hint="6 to 8 digits.">
            {(describedBy) => (
              <input
                id="pin"
                name="pin"
                type="password"
                inputMode="numeric"
                autoComplete="current-password"
                required
                className={INPUT_CLASS}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        ) : (
          <Field id="password" label="Password">
            {(describedBy) => (
              <input id="password" name="password" type="password" autoComplete="current-password" required className={INPUT_CLASS} aria-describedby={describedBy} />
            )}
          </Field>
        )}
        {error && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </div>
  );
}
