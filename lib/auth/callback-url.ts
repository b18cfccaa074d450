const BASE = "http://tierdesk.invalid";

/**
 * Where a sign-in may return to: a path on this site, else the home page. Browsers read `/\\host` and
 * `//host` as another site, and skip tabs and newlines inside a URL, so the path is judged as a browser
 * would parse it, not by its first characters.
 */
export function sameSitePath(url: string | undefined): string {
  if (!url || !url.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(url)) return "/";
  try {
    const parsed = new URL(url, BASE);
    return parsed.origin === BASE ? `${parsed.pathname}${parsed.search}${parsed.hash}` : "/";
  } catch {
    return "/";
  }
}
