import { ArrowLeft } from "lucide-react";
import Link from "next/link";

/** The way back from a not-found or error page. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="inline-flex w-fit items-center gap-1.5 rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800">
      <ArrowLeft aria-hidden="true" className="size-4" />
      {children}
    </Link>
  );
}
