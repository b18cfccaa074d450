/** A figure whose data this installation does not have yet. */
export function NotAvailable({ title, reason }: { title: string; reason: string }) {
  return (
    <section aria-label={title} className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-1 text-sm text-slate-700">
        Not available yet: {reason}
      </p>
    </section>
  );
}
