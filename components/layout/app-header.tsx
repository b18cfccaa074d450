import Image from "next/image";
import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

/** `user` says who is signed in; `shortUser`, when given, says it on a phone instead. */
export function AppHeader({ title, user, shortUser, links }: { title: string; user: string; shortUser?: string; links: { href: string; label: string }[] }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* On a phone: the brand, who is signed in and Sign out on one row, the links on the next. */}
      {/* The gaps are narrower on a phone so that the mark still leaves room for Sign out on the first row. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-4">
        {/* The mark is decoration beside the name (alt=""): the name stays text, for screen readers and search. */}
        <span className="flex items-center gap-1.5 text-lg font-bold text-indigo-800">
          <Image src="/logo.svg" alt="" width={20} height={20} loading="eager" />
          Tierdesk
        </span>
        <span className="hidden text-sm text-slate-600 sm:inline">{title}</span>
        <nav aria-label="Main" className="order-last flex w-full gap-3 text-sm sm:order-none sm:w-auto">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded px-2 py-1 text-indigo-800 underline-offset-2 hover:underline">
              {link.label}
            </Link>
          ))}
        </nav>
        {/* Takes the room left on the row and truncates (full name on hover) rather than push Sign out to a row of its own. */}
        <span className="min-w-0 flex-1 truncate text-right text-sm text-slate-700" title={user}>
          {shortUser ? (
            <>
              <span className="sm:hidden">{shortUser}</span>
              <span className="hidden sm:inline">{user}</span>
            </>
          ) : (
            user
          )}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
