// IndieAuth's requests (https://indieauth.spec.indieweb.org/): the authorization request an app
// sends the person's browser with, and the code exchange at the token endpoint. One schema each.
import { z } from "zod";

const httpUrl = z
  .string()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password && !u.hash;
    } catch {
      return false;
    }
  }, "must be an http(s) URL");

export const SCOPES = ["profile", "email", "create", "update", "delete", "media", "draft"] as const;
export const scopeList = z
  .string()
  .max(500)
  .default("")
  .transform((s) => [...new Set(s.split(/\s+/).filter((x): x is (typeof SCOPES)[number] => (SCOPES as readonly string[]).includes(x)))]);

/** The request's fields, carried through sign-in and the consent form unchanged. */
export const AUTH_REQUEST_FIELDS = ["response_type", "client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "scope", "me"] as const;

export const AuthorizationRequestSchema = z
  .object({
    response_type: z.enum(["code", "id"]).default("code"),
    client_id: httpUrl,
    redirect_uri: httpUrl,
    state: z.string().min(1, "state is required").max(1000),
    code_challenge: z.string().regex(/^[A-Za-z0-9_~.-]{43,128}$/, "code_challenge must be 43 to 128 characters").optional(),
    code_challenge_method: z.literal("S256").optional(),
    scope: scopeList,
    me: z.string().max(2000).optional(),
  })
  .refine((r) => !r.code_challenge || r.code_challenge_method === "S256", { message: "code_challenge_method must be S256", path: ["code_challenge_method"] })
  // Without fetching the app's page for its registered redirect URLs, only a redirect on the
  // app's own host is safe: anything else could hand the code to someone else.
  .refine((r) => new URL(r.redirect_uri).host === new URL(r.client_id).host, { message: "redirect_uri must be on the client_id's host", path: ["redirect_uri"] });
export type AuthorizationRequest = z.infer<typeof AuthorizationRequestSchema>;

export const CodeExchangeSchema = z.object({
  grant_type: z.literal("authorization_code").optional(),
  code: z.string().min(1).max(4000),
  client_id: httpUrl,
  redirect_uri: httpUrl,
  code_verifier: z.string().regex(/^[A-Za-z0-9_~.-]{43,128}$/).optional(),
});
