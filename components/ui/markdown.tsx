import type { ReactElement } from "react";
import renderMarkdown, { defaultUrlTransform, type Components } from "react-markdown";

/** A path on this site ("/kb/x.png", "x.png"), not a URL of another host ("https://…", "//host/…"). */
function isSameSitePath(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith("//") && !src.startsWith("\\");
}

const COMPONENTS: Components = {
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
};

/**
 * Texts rendered lately, by their source, most recent last. Parsing is most of what a busy ticket's page costs
 * (80 replies took longer than its SQL), and replies never change, so each is parsed once while it is read: the
 * next view of the ticket, and each reload after an action on it, reuse the tree. A React element is immutable.
 */
const rendered = new Map<string, ReactElement>();
const KEEP = 2_000;

function markdownTree(source: string): ReactElement {
  const kept = rendered.get(source);
  if (kept) {
    rendered.delete(source);
    rendered.set(source, kept);
    return kept;
  }
  const tree = renderMarkdown({ children: source, skipHtml: true, urlTransform: defaultUrlTransform, components: COMPONENTS });
  rendered.set(source, tree);
  if (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!);
  return tree;
}

/**
 * Markdown from users and the KB, rendered safely: raw HTML is dropped (skipHtml, no rehype-raw), and link and image
 * URLs other than http(s), mailto, tel and relative ones are removed (react-markdown's defaultUrlTransform).
 * An image from another host is shown as a link to it instead, so reading a ticket never calls that host
 * (the Content-Security-Policy would block it anyway).
 */
export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div
      className={`space-y-2 wrap-anywhere text-sm leading-relaxed [&_a]:text-indigo-800 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
    >
      {markdownTree(children)}
    </div>
  );
}
