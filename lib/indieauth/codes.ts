// IndieAuth authorization codes: the grant, signed with AUTH_SECRET (so nothing is stored while
// the app is away), valid 10 minutes and redeemable once (a one-point rate limit on its id).
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { consumeRate } from "@/db/queries/rate-limits";

export const CODE_TTL_MS = 10 * 60 * 1000;

export interface Grant {
  userId: number;
  clientId: string;
  redirectUri: string;
  scope: string[];
  challenge: string | null;
  exp: number;
  jti: string;
}

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set");
  return s;
}

const sign = (body: string) => createHmac("sha256", secret()).update(`indieauth-code:${body}`).digest("base64url");

export function issueCode(g: Omit<Grant, "exp" | "jti">, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ ...g, exp: now + CODE_TTL_MS, jti: randomBytes(12).toString("base64url") })).toString("base64url");
  return `${body}.${sign(body)}`;
}

export type Redeemed = { ok: true; grant: Grant } | { ok: false; error: string };

/** Checks a code against the exchange's client, redirect and PKCE verifier, and spends it. */
export async function redeemCode(code: string, req: { clientId: string; redirectUri: string; verifier?: string }, now = Date.now()): Promise<Redeemed> {
  const [body, mac] = code.split(".");
  if (!body || !mac) return { ok: false, error: "The code is not valid." };
  const a = Buffer.from(mac);
  const b = Buffer.from(sign(body));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, error: "The code is not valid." };
  const g = JSON.parse(Buffer.from(body, "base64url").toString()) as Grant;
  if (g.exp < now) return { ok: false, error: "The code has expired." };
  if (g.clientId !== req.clientId || g.redirectUri !== req.redirectUri) return { ok: false, error: "The code was issued to another client or redirect_uri." };
  if (g.challenge) {
    const expected = req.verifier ? createHash("sha256").update(req.verifier).digest("base64url") : "";
    if (expected !== g.challenge) return { ok: false, error: "The code_verifier does not match the code_challenge." };
  }
  if (!(await consumeRate("indieauth-code", g.jti, 1, Math.ceil(CODE_TTL_MS / 1000)))) return { ok: false, error: "The code has already been used." };
  return { ok: true, grant: g };
}
