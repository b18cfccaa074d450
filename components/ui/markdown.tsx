import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/**
 * Markdown from users and the KB, rendered safely: raw HTML is dropped (no rehype-raw), and link and image
 * URLs other than http(s), mailto, tel and relative ones are removed (react-markdown's defaultUrlTransform).
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div
      className={`space-y-2 break-words text-sm leading-relaxed [&_a]:text-indigo-800 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
    >
      <ReactMarkdown
        skipHtml
        urlTransform={defaultUrlTransform}
        components={{
          a: ({ href, title, children }) => (
            <a href={href} title={title} rel="noopener noreferrer nofollow" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
