import Link from "next/link";
import type { AppError } from "@/lib/errors";

/** Why a page's URL cannot be shown (a bad view, period or filter), the fields at fault, and a way back. */
export function QueryError({ error, back, backLabel, what = "link" }: { error: AppError; back: string; backLabel: string; what?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">
        This {what} cannot be shown: {error.message}
      </p>
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
