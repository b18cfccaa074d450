/**
 * Is the body of a POST to a page (a server action, or a form posted without JavaScript) one Next.js can
 * decode? Next.js answers a body it cannot decode with a 500 (a JSON syntax error, "Unexpected end of form"),
 * which is the client's mistake, not ours: checked on a copy first, so it can be a 400. A server action's
 * arguments come as JSON text (text/plain) or as multipart/form-data; other bodies are left to Next.js.
 * Returns why it is malformed, or null.
 */
export async function malformedPageWriteBody(request: Request): Promise<string | null> {
  const type = request.headers.get("content-type")?.toLowerCase() ?? "";
  const isAction = request.headers.has("next-action");
  try {
    if (type.startsWith("multipart/form-data")) await request.clone().formData();
    else if (isAction && type.startsWith("text/plain")) JSON.parse(await request.clone().text());
    return null;
  } catch {
    return type.startsWith("multipart/form-data") ? "The body is not valid multipart/form-data." : "The body is not valid JSON.";
  }
}
