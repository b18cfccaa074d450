/** What was stripped off a reply by mail (quoted history, signature), shown on request, as plain text. */
export function QuotedText({ text }: { text: string }) {
  return (
    <details className="mt-2 min-w-0 text-sm">
      <summary className="w-fit cursor-pointer text-xs font-medium text-slate-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
        Show the quoted text
      </summary>
      <p className="mt-1 max-h-64 overflow-y-auto border-l-2 border-slate-300 bg-slate-50 p-2 break-words whitespace-pre-wrap text-slate-700 [overflow-wrap:anywhere]">{text}</p>
    </details>
  );
}
