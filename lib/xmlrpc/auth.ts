// Who is calling: the login and password in the call's parameters, checked exactly as the sign-in
// form checks them (lib/auth/sign-in.ts), so every XML-RPC attempt, one by one inside
// system.multicall too, counts toward the same lockout per account and per address.
import { getOptions } from "@/db/queries/options";
import { getUserRole } from "@/db/queries/users";
import { verifySignIn } from "@/lib/auth/sign-in";
import { authenticateAppPassword } from "@/lib/auth/app-passwords";
import type { Actor } from "@/lib/auth/capabilities";
import { F } from "./faults";

export interface Caller extends Actor {
  displayName: string;
}

export interface CallContext {
  ip: string;
}

/** Settings → Writing → Remote Publishing (WordPress's enable_xmlrpc). */
export async function xmlrpcEnabled(): Promise<boolean> {
  return (await getOptions()).enable_xmlrpc;
}

const APP_PASSWORD = /^(?:[A-Za-z0-9]{4} ?){5}[A-Za-z0-9]{4}$/;

export async function authenticate(login: unknown, password: unknown, ctx: CallContext): Promise<Caller> {
  if (!(await xmlrpcEnabled())) throw F.disabled();
  if (typeof login !== "string" || typeof password !== "string" || !login || !password) throw F.badLogin();
  // An application password (WordPress 5.6+ takes them on XML-RPC too): 24 letters and digits, in
  // groups of four or not. Checked as one, and counted toward the same lockout.
  if (APP_PASSWORD.test(password)) {
    const a = await authenticateAppPassword(login, password, ctx.ip);
    if ("error" in a) throw a.error === "locked" ? F.locked() : F.badLogin();
    const role = await getUserRole(a.user.id);
    if (!role) throw F.badLogin();
    return { id: a.user.id, role, displayName: a.user.displayName };
  }
  const r = await verifySignIn(login, password, ctx.ip);
  if (r.status === "locked") throw F.locked();
  if (r.status !== "ok") throw F.badLogin();
  // The role as stored now, as requireCapability reads it: a demoted user loses access at once.
  const role = await getUserRole(r.user.id);
  if (!role) throw F.badLogin();
  return { id: r.user.id, role, displayName: r.user.displayName };
}
