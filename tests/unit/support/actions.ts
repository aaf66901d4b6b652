// Calls the writing screens' server actions directly, as a given user, and reports what happened:
// a returned FormState, a redirect, a 403 or a sign-in redirect. next/navigation's throws are
// replaced by small errors we can tell apart; auth() answers with the chosen user.

export class Redirect extends Error {
  constructor(public url: string) {
    super(`redirect ${url}`);
  }
}
export class Forbidden extends Error {}
export class NotFound extends Error {}

export const session: { userId: number | null } = { userId: null };

export function asUser(id: number | null) {
  session.userId = id;
}

export type Outcome = { kind: "state"; value: unknown } | { kind: "redirect"; url: string } | { kind: "forbidden" } | { kind: "login" };

export async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: "state", value: await fn() };
  } catch (e) {
    if (e instanceof Redirect) return e.url.startsWith("/login") ? { kind: "login" } : { kind: "redirect", url: e.url };
    if (e instanceof Forbidden) return { kind: "forbidden" };
    throw e;
  }
}

export function fd(values: Record<string, string | number | boolean | (string | number)[] | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === false) continue;
    if (Array.isArray(v)) for (const x of v) f.append(k, String(x));
    else f.append(k, v === true ? "on" : String(v));
  }
  return f;
}

