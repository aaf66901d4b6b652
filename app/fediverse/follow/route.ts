// "Follow from your server" (the Follow me on the fediverse widget's form, which works without
// JavaScript): GET ?instance=mastodon.social redirects to that server's follow screen for the
// blog. The CSP's form-action 'self' stops a form's redirect to another site, so the way there is
// a small page that refreshes to the server's follow screen (and links to it), with or without
// JavaScript, as app/admin/indieauth/decide does. Errors are a page saying what to fix.
import { consumeRate } from "@/db/queries/rate-limits";
import { escapeHtml } from "@/lib/content/escape";
import { blogAccount } from "@/lib/federation/handle";
import { RemoteFollowError, remoteFollowUrl } from "@/lib/federation/remote-follow";
import { logEvent } from "@/lib/log";
import { clientIpFrom } from "@/lib/request-ip";

export const dynamic = "force-dynamic";

/** Lookups a minute per client address: each one fetches another server's WebFinger. */
export const REMOTE_FOLLOW_RATE = { points: 20, seconds: 60 };

function page(status: number, message: string, account: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Follow on the fediverse</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1 style="font-size:1.4rem">Follow on the fediverse</h1>
<p role="alert">${escapeHtml(message)}</p>
<form method="get" action="/fediverse/follow/">
<label for="instance">Your server (e.g. mastodon.social)</label><br>
<input id="instance" name="instance" required maxlength="255" autocomplete="off" inputmode="url" style="padding:.4rem;min-width:14rem">
<button type="submit" style="padding:.4rem .8rem">Follow</button>
</form>
<p>Or search for <strong>@${escapeHtml(account)}</strong> on your server. <a href="/">Back to the site</a></p>
</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

function onward(url: URL) {
  const href = escapeHtml(url.href);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta http-equiv="refresh" content="0;url=${href}"><meta name="robots" content="noindex"><title>Follow from ${escapeHtml(url.host)}</title></head><body><main><p>Taking you to <a href="${href}">${escapeHtml(url.host)}</a> to follow…</p></main></body></html>`;
  return new Response(html, { status: 200, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}

export async function GET(req: Request) {
  const account = await blogAccount();
  const instance = new URL(req.url).searchParams.get("instance") ?? "";
  if (!(await consumeRate("remote-follow", clientIpFrom(req.headers), REMOTE_FOLLOW_RATE.points, REMOTE_FOLLOW_RATE.seconds))) {
    return page(429, "Too many lookups from your address; try again in a minute.", account);
  }
  try {
    return onward(new URL(await remoteFollowUrl(instance, account)));
  } catch (e) {
    if (e instanceof RemoteFollowError) return page(e.status, e.message, account);
    logEvent("federation.remote_follow_error", { error: (e as Error).message }, "warn");
    return page(502, "That server could not be asked. Try again, or search for the blog’s address on your server.", account);
  }
}
