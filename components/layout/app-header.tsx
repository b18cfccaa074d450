import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ title, user, links }: { title: string; user: string; links: { href: string; label: string }[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <span className="text-lg font-bold text-indigo-800">Tierdesk</span>
        <span className="text-sm text-slate-600">{title}</span>
        <nav aria-label="Main" className="flex gap-3 text-sm">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded px-2 py-1 text-indigo-800 underline-offset-2 hover:underline">
              {link.label}
            </Link>
          ))}
        </nav>
        <span className="ml-auto text-sm text-slate-700">{user}</span>
        <SignOutButton />
      </div>
    </header>
  );
}
