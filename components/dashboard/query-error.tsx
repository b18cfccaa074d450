import Link from "next/link";
import type { AppError } from "@/lib/errors";

/** Why a dashboard URL cannot be shown (a bad period or filter), with a way back. */
export function QueryError({ error, back, backLabel }: { error: AppError; back: string; backLabel: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">This link cannot be shown: {error.message}</p>
      {error.fields && (
        <ul className="mt-2 list-disc pl-5">
          {Object.entries(error.fields).map(([field, messages]) => (
            <li key={field}>
              {field === "_" ? "" : `${field}: `}
              {messages.join(" ")}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2">
        <Link href={back} className="underline">
          {backLabel}
        </Link>
      </p>
    </div>
  );
}
