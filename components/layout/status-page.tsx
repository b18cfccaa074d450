import Image from "next/image";
import type { ReactNode } from "react";

/** A page of its own outside any section (not found, an error): the brand, what happened, a way back. */
export function StatusPage({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center gap-4 px-4 py-12">
      <p className="flex items-center gap-1.5 text-lg font-bold text-indigo-800">
        <Image src="/logo.svg" alt="" width={24} height={24} loading="eager" />
        Tierdesk
      </p>
      <p className="text-sm font-medium text-slate-600">{code}</p>
      <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
      {children}
    </main>
  );
}
