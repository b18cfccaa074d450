"use client";

import Link from "next/link";
import "./globals.css";

/** When even the root layout fails: a page of its own (html and body), no links that need the app's layout. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <title>Something went wrong · Tierdesk</title>
        <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-4 px-4 py-12">
          <p className="text-lg font-bold text-indigo-800">Tierdesk</p>
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-slate-700">Tierdesk could not show this page. Try again; if it keeps failing, tell your admin.</p>
          {error.digest && <p className="font-mono text-sm text-slate-700">Reference: {error.digest}</p>}
          <div className="flex flex-wrap gap-3">
            <button type="button" onClick={reset} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
              Try again
            </button>
            <Link href="/" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100">
              Back to Tierdesk
            </Link>
          </div>
        </main>
      </body>
    </html>
  );
}
