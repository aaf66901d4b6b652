// A REST request's parameters from its body, as WordPress reads them: JSON, form-urlencoded or
// multipart fields. Malformed JSON is WordPress's rest_invalid_json; fields a route does not know
// are refused by name (rest_additional_properties_forbidden) so that a misspelt field is not
// silently dropped while the post is saved without it.
import { z } from "zod";
import { RestError, invalidParam } from "./errors";

export async function readBody(req: Request): Promise<Record<string, unknown>> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const text = type.startsWith("multipart/form-data") ? null : await req.text();
  if (type.startsWith("multipart/form-data")) {
    try {
      return Object.fromEntries([...(await req.formData()).entries()].filter(([, v]) => typeof v === "string"));
    } catch {
      throw new RestError("rest_invalid_param", "The multipart body could not be read.", 400);
    }
  }
  if (!text?.trim()) return {};
  if (type.startsWith("application/x-www-form-urlencoded")) return formFields(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    return parsed as Record<string, unknown>;
  } catch (e) {
    throw new RestError("rest_invalid_json", "Invalid JSON body passed.", 400, { json_error_code: 4, json_error_message: (e as Error).message });
  }
}

/** name[]=1&name[]=2 → { name: ["1", "2"] }, as PHP reads a form. */
function formFields(sp: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of sp) {
    if (k.endsWith("[]")) ((out[k.slice(0, -2)] ??= []) as string[]).push(v);
    else out[k] = v;
  }
  return out;
}

/** The body checked against a route's schema; every unknown or invalid field named in one 400. */
export function parseBody<T extends z.ZodObject>(schema: T, body: Record<string, unknown>, known: readonly string[] = []): z.infer<T> {
  const allowed = new Set([...Object.keys(schema.shape), ...known]);
  const unknown = Object.keys(body).filter((k) => !allowed.has(k) && !k.startsWith("_"));
  if (unknown.length) {
    throw new RestError("rest_additional_properties_forbidden", `${unknown[0]} is not a valid property of Object.`, 400, {
      params: Object.fromEntries(unknown.map((k) => [k, `${k} is not a valid property of Object.`])),
    });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw invalidParam(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "body"), i.message])));
  }
  return parsed.data;
}

// WordPress takes title, content and excerpt as a string or as { raw }.
export const rawText = (max: number) =>
  z.preprocess((v) => (v && typeof v === "object" && "raw" in v ? (v as { raw: unknown }).raw : v), z.string().max(max, `Must be at most ${max} characters.`));
export const restId = z.coerce.number().int().min(0);
export const restIdList = z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : typeof v === "number" ? [v] : v), z.array(z.coerce.number().int().positive()));
export const restBool = z.preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" || v === "" ? false : v), z.boolean());
