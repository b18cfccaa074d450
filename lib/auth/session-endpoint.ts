import { getActor } from "./session";

const isSessionRead = (request: Request) => new URL(request.url).pathname.endsWith("/api/auth/session");

/**
 * next-auth's GET handler, except that `/api/auth/session` answers as for no session (`{}`) when the
 * session no longer holds (signed out, user deactivated, a new secret, role changed): next-auth alone
 * would keep decoding a signed-out JWT that a client still holds.
 */
export function checkSessionReads<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (isSessionRead(request) && !(await getActor())) return Response.json({});
    return handler(request, context);
  };
}
