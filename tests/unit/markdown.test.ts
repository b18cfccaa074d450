import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));

describe("Markdown", () => {
  it("renders lists, emphasis and safe links", () => {
    const html = render("1. **Check** the [status page](https://status.example.com)\n2. Reload");
    expect(html).toContain("<ol>");
    expect(html).toContain("<strong>Check</strong>");
    expect(html).toContain('href="https://status.example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("drops raw HTML: no script, no event handlers, no iframes", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <iframe src="https://evil.example"></iframe>\n\n<div onclick="alert(3)">x</div>');
    expect(html).not.toMatch(/<script|<img|<iframe|onerror|onclick/i);
    expect(html).toContain("Hello");
  });

  it("removes javascript:, vbscript: and data: URLs from links and images", () => {
    const html = render("[click](javascript:alert(1)) [vb](vbscript:msgbox) [data](data:text/html;base64,PHNjcmlwdD4=) ![img](javascript:alert(2))");
    expect(html).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(html).toContain(">click</a>");
  });
});

describe("Markdown images", () => {
  it("shows an image from another host as a link to it, never as an image the browser would load", () => {
    const html = render("![the error](https://evil.example/pixel.png) and ![](//evil.example/p.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://evil.example/pixel.png" rel="noopener noreferrer nofollow" target="_blank">the error</a>');
    expect(html).toContain('href="//evil.example/p.png"');
  });

  it("keeps an image on this site", () => {
    expect(render("![diagram](/kb/diagram.png)")).toContain('<img src="/kb/diagram.png" alt="diagram"/>');
  });
});

describe("Markdown kept once rendered", () => {
  it("renders the same text the same way on the next read, and another text as its own", () => {
    const source = "Reply: **done**, see [the runbook](https://runbook.example.com)\n\n- one\n- two";
    const first = render(source);
    expect(render(source)).toBe(first);
    expect(render(`${source}\n- three`)).toContain("<li>three</li>");
    expect(render(source)).not.toContain("three");
  });
});
