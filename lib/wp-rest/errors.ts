// WordPress's REST error body, {code, message, data: {status}}, as one exception the handlers
// throw and the route turns into a response. Codes and messages are WordPress's own
// (wp-includes/rest-api/endpoints/*), so clients that branch on `code` keep working.
export class RestError extends Error {
  constructor(public code: string, message: string, public status: number, public data: Record<string, unknown> = {}) {
    super(message);
  }
}

export const REST_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "X-WP-Total, X-WP-TotalPages, Link",
  "x-content-type-options": "nosniff",
} as const;

export function restJson(body: unknown, status = 200, extra: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...REST_HEADERS, "cache-control": "no-store", ...extra } });
}

export function restErrorResponse(e: RestError): Response {
  return restJson({ code: e.code, message: e.message, data: { status: e.status, ...e.data } }, e.status);
}

export const noRoute = () => new RestError("rest_no_route", "No route was found matching the URL and request method.", 404);

/** "Sorry, you are not allowed to …": 401 to someone not signed in, 403 to someone signed in (rest_authorization_required_code). */
export function forbiddenFor(user: unknown, code: string, message: string): RestError {
  return new RestError(code, message, user ? 403 : 401);
}

export function invalidParam(params: Record<string, string>): RestError {
  return new RestError("rest_invalid_param", `Invalid parameter(s): ${Object.keys(params).join(", ")}`, 400, { params });
}
