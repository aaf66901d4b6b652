// wp-admin/admin-ajax.php (next.config.ts sends that address here), for its one action REST
// clients use: `rest-nonce`, the X-WP-Nonce for the signed-in user's cookie (WordPress's
// wp_ajax_rest_nonce), "0" when nobody is signed in. Anything else is WordPress's "0" with 400.
import { getCurrentUser } from "@/lib/session";
import { createRestNonce } from "@/lib/wp-rest/nonce";

export const dynamic = "force-dynamic";

async function answer(req: Request): Promise<Response> {
  const url = new URL(req.url);
  let action = url.searchParams.get("action");
  if (!action && req.method === "POST") action = String((await req.formData().catch(() => null))?.get("action") ?? "");
  const text = (body: string, status = 200) => new Response(body, { status, headers: { "content-type": "text/plain; charset=UTF-8", "cache-control": "no-store" } });
  if (action !== "rest-nonce") return text("0", 400);
  const user = await getCurrentUser();
  return user ? text(createRestNonce(user.id)) : text("0", 400);
}

export const GET = answer;
export const POST = answer;
