import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/** A path on this site ("/kb/x.png", "x.png"), not a URL of another host ("https://…", "//host/…"). */
function isSameSitePath(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("//") && !src.startsWith("\\");
}

/**
 * Markdown from users and the KB, rendered safely: raw HTML is dropped (no rehype-raw), and link and image
 * URLs other than http(s), mailto, tel and relative ones are removed (react-markdown's defaultUrlTransform).
 * An image from another host is shown as a link to it instead, so reading a ticket never calls that host
 * (the Content-Security-Policy would block it anyway).
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div
      className={`space-y-2 wrap-anywhere text-sm leading-relaxed [&_a]:text-indigo-800 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
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
          img: ({ src, alt, title }) => {
            if (typeof src !== "string" || !src) return null;
            // A user's image of unknown size inside text: next/image's sizing and optimizer do not apply.
            // eslint-disable-next-line @next/next/no-img-element
            if (isSameSitePath(src)) return <img src={src} alt={alt ?? ""} title={title} />;
            return (
              <a href={src} title={title} rel="noopener noreferrer nofollow" target="_blank">
                {alt || src}
              </a>
            );
          },
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
