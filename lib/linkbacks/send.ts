// Sending linkbacks for one post, from the job queue (never in the publish request):
// trackbacks to every URL in "Send trackbacks to", then, for every external link in the
// content not pinged yet, Webmention or Pingback endpoint discovery and the notification.
// Results land in `pings`; a URL that succeeded is added to posts.pinged and never sent again.
import { getOptions } from "@/db/queries/options";
import { getPostForPings, markPinged, upsertPing } from "@/db/queries/pings";
import { getUserById } from "@/db/queries/users";
import { postUrl } from "@/lib/content/post-view";
import { siteUrl } from "@/lib/site-url";
import { logEvent } from "@/lib/log";
import { safeFetch, SafeFetchError, type SafeFetchResponse } from "@/lib/net/safe-fetch";
import { discoverEndpoints, externalLinks } from "./html";
import { htmlToText, truncate } from "./text";
import { parseTrackbackResponse, trackbackForm } from "./trackback";
import { FAULTS, methodCall, parseMethodResponse } from "./xmlrpc";
import { RetryableError } from "./receive";

export interface SendSummary {
  sent: number;
  failed: number;
  noEndpoint: number;
  retry: string[];
}

/** A post linking to more pages than this notifies the first ones only (bounded job time). */
export const MAX_LINKS_PER_POST = 50;

const splitUrls = (s: string) => s.split(/\s+/).filter(Boolean);

function transient(e: unknown): boolean {
  const code = (e as SafeFetchError).code;
  return code === "timeout" || code === "network" || code === "busy";
}

/** Sends what is due for the post; `only` narrows it to these URLs (a retry of what failed). */
export async function sendPostPings(postId: number, only?: string[]): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, failed: 0, noEndpoint: 0, retry: [] };
  const post = await getPostForPings(postId);
  if (!post || post.status !== "publish" || post.password) return summary;
  const opts = await getOptions();
  const author = await getUserById(post.authorId);
  const permalink = await siteUrl() + postUrl({ ...post, authorNicename: author?.nicename ?? "" }, opts);
  const site = new URL(await siteUrl());
  const pinged = new Set(splitUrls(post.pinged));
  const wanted = (url: string) => !pinged.has(url) && (!only || only.includes(url));
  const fetchOpts = { allowHosts: opts.outbound_allow_hosts };
  const isSelf = (u: string) => new URL(u).origin === site.origin;
  const linksToNotify = (html: string, base: string) =>
    externalLinks(html, base)
      .filter((u) => opts.ping_self || !isSelf(u))
      .slice(0, MAX_LINKS_PER_POST);

  const record = async (url: string, protocol: "trackback" | "pingback" | "webmention" | "none", status: "sent" | "failed" | "no-endpoint", message: string) => {
    await upsertPing(postId, url, protocol, status, message);
    logEvent("ping_sent", { postId, url, protocol, result: status, message });
    if (status === "sent") {
      summary.sent++;
      await markPinged(postId, url);
    } else if (status === "failed") summary.failed++;
    else summary.noEndpoint++;
  };

  // 1. Trackbacks to the URLs the author listed.
  const excerptText = truncate(htmlToText(post.excerpt || post.content), 252);
  for (const url of splitUrls(post.toPing)) {
    if (!wanted(url)) continue;
    try {
      const res = await safeFetch(url, {
        ...fetchOpts,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: trackbackForm({ url: permalink, title: post.title, excerpt: excerptText, blogName: opts.blogname }),
      });
      if (res.status >= 500) throw new RetryableError(`answered ${res.status}`);
      const parsed = res.status < 400 ? parseTrackbackResponse(res.text()) : { ok: false, message: `answered HTTP ${res.status}` };
      await record(url, "trackback", parsed.ok ? "sent" : "failed", parsed.message);
    } catch (e) {
      if (e instanceof RetryableError || transient(e)) {
        await record(url, "trackback", "failed", `will retry: ${(e as Error).message}`);
        summary.retry.push(url);
      } else await record(url, "trackback", "failed", (e as Error).message);
    }
  }

  // 2. Pingback or Webmention for each external link in the content, when the setting
  // "Attempt to notify any blogs linked to from the post" is on.
  for (const url of opts.default_pingback_flag ? linksToNotify(post.content, permalink) : []) {
    if (!wanted(url)) continue;
    try {
      const page = await safeFetch(url, { ...fetchOpts, headers: { accept: "text/html,*/*;q=0.5" } });
      if (page.status >= 500) throw new RetryableError(`answered ${page.status}`);
      const type = page.headers.get("content-type") ?? "";
      const html = /html|xml/i.test(type) || !type ? page.text() : "";
      const { webmention, pingback } = discoverEndpoints(page.headers, html, page.url);
      if (webmention) {
        const res = await safeFetch(webmention, {
          ...fetchOpts,
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ source: permalink, target: url }).toString(),
        });
        if (res.status >= 500) throw new RetryableError(`endpoint answered ${res.status}`);
        await record(url, "webmention", res.status >= 200 && res.status < 300 ? "sent" : "failed", `HTTP ${res.status}`);
      } else if (pingback) {
        const res = await safeFetch(pingback, { ...fetchOpts, method: "POST", headers: { "content-type": "text/xml" }, body: methodCall("pingback.ping", [permalink, url]) });
        if (res.status >= 500) throw new RetryableError(`endpoint answered ${res.status}`);
        const out = parseMethodResponse(res.text());
        if ("fault" in out) {
          // WordPress counts "already registered" as done.
          const done = out.fault.code === FAULTS.alreadyRegistered;
          await record(url, "pingback", done ? "sent" : "failed", `fault ${out.fault.code}: ${out.fault.message}`);
        } else await record(url, "pingback", "sent", typeof out.value === "string" ? out.value : "");
      } else await record(url, "none", "no-endpoint", "No pingback or webmention endpoint.");
    } catch (e) {
      if (e instanceof RetryableError || transient(e)) {
        await record(url, "none", "failed", `will retry: ${(e as Error).message}`);
        summary.retry.push(url);
      } else await record(url, "none", "failed", (e as Error).message);
    }
  }
  logEvent("linkback.sent", { postId, ...summary, retry: summary.retry.length });
  return summary;
}

/** The URLs a send job will try, for the editor's "queued" rows. */
export async function pendingPingUrls(postId: number): Promise<{ trackbacks: string[]; links: string[] }> {
  const post = await getPostForPings(postId);
  if (!post || post.status !== "publish" || post.password) return { trackbacks: [], links: [] };
  const opts = await getOptions();
  const site = new URL(await siteUrl()).origin;
  const pinged = new Set(splitUrls(post.pinged));
  const links = opts.default_pingback_flag
    ? externalLinks(post.content, await siteUrl() + "/")
        .filter((u) => opts.ping_self || new URL(u).origin !== site)
        .slice(0, MAX_LINKS_PER_POST)
    : [];
  return { trackbacks: splitUrls(post.toPing).filter((u) => !pinged.has(u)), links: links.filter((u) => !pinged.has(u)) };
}

export type { SafeFetchResponse };
