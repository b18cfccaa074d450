import Link from "next/link";

/** On every staff page while demo accounts with published passwords are active. */
export function DemoAccountsBanner({ count, canRemove }: { count: number; canRemove: boolean }) {
  if (count === 0) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-amber-900">
        Demo accounts with published passwords are active ({count}).{" "}
        {canRemove ? (
          <Link href="/admin/demo" className="font-medium underline underline-offset-2">
            Remove the demo accounts
          </Link>
        ) : (
          "Ask an admin to remove them before real use."
        )}
      </p>
    </div>
  );
}
