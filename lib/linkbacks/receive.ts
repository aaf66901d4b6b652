// Receiving linkbacks: the decisions shared by the TrackBack, XML-RPC and Webmention endpoints.
// Every ping goes through WordPress's comment moderation (lib/comments/moderation.ts) and the
// same SQLite rate limits as comments, and is stored as a comment of its own type.
import { getOptions } from "@/db/queries/options";
import { consumeRate } from "@/db/queries/rate-limits";
import { insertComment } from "@/db/queries/comments";
import { deleteLinkback, findWebmention, hasPingFromUrl, insertLinkback, listLinkbacks, updateWebmention } from "@/db/queries/linkbacks";
import { getPostCardById, type PostCard } from "@/db/queries/posts";
import { postAtIdParam, postAtPath } from "@/lib/site/resolve-path";
import { decideModeration, type CommentCandidate } from "@/lib/comments/moderation";
import { siteUrl } from "@/lib/site-url";
import { nowGmt, toSqlLocal } from "@/lib/dates";
import { logEvent } from "@/lib/log";
import { safeFetch, SafeFetchError } from "@/lib/net/safe-fetch";
import { contextExcerpt, linksTo, mentionContent, parseHEntry, scanHtml } from "./html";
import { trackbackContent, type TrackbackPing } from "./trackback";
import { FAULTS, XmlRpcFault } from "./xmlrpc";
import { httpUrl, sameUrl, truncate } from "./text";

/** Pings per source host and per client address, per 10 minutes. */
export const PING_RATE = { perSourceHost: 20, perIp: 40, seconds: 600 };

export interface Sender {
  ip: string;
  userAgent: string;
}

/** The post a URL on this site names (pretty permalinks, /?p=ID), published only. */
export async function postFromUrl(raw: string): Promise<PostCard | undefined> {
  const url = httpUrl(raw);
  const site = httpUrl(await siteUrl());
  if (!url || !site || url.origin !== site.origin) return undefined;
  const p = url.searchParams.get("p") ?? url.searchParams.get("page_id");
  if (p) return await postAtIdParam(p);
  const prefix = site.pathname.replace(/\/+$/, "");
  if (!url.pathname.startsWith(prefix + "/")) return undefined;
  return await postAtPath(url.pathname.slice(prefix.length).split("/"));
}

/** false when the sender has used up its allowance (per source host and per client address). */
export async function withinPingRate(source: URL, ip: string): Promise<boolean> {
  // A source host already over its allowance is refused without spending the address's too.
  if (!(await consumeRate("linkback-host", source.host.toLowerCase(), PING_RATE.perSourceHost, PING_RATE.seconds))) return false;
  return await consumeRate("linkback-ip", ip, PING_RATE.perIp, PING_RATE.seconds);
}

async function moderate(c: CommentCandidate) {
  // Pings never come from a signed-in user and never pass "previously approved" (WordPress).
  return decideModeration(c, await getOptions(), { trusted: false, previouslyApproved: false });
}

async function dates() {
  const gmt = nowGmt();
  return { date: toSqlLocal(new Date(gmt.replace(" ", "T") + "Z"), (await getOptions()).timezone_string || "UTC"), dateGmt: gmt };
}

export type TrackbackResult = { ok: true; commentId: number; status: string } | { ok: false; message: string };

export async function receiveTrackback(post: PostCard | undefined, ping: TrackbackPing, sender: Sender): Promise<TrackbackResult> {
  if (!post || post.status !== "publish") return { ok: false, message: "There is no post to receive this trackback." };
  if (post.pingStatus !== "open") return { ok: false, message: "Sorry, trackbacks are closed for this item." };
  if (await hasPingFromUrl(post.id, ping.url)) return { ok: false, message: "There is already a ping from that URL for this post." };
  if (!(await withinPingRate(new URL(ping.url), sender.ip))) return { ok: false, message: "Too many pings in a short time; try again later." };
  const content = trackbackContent(ping);
  const candidate: CommentCandidate = { type: "trackback", authorName: ping.blogName, authorEmail: "", authorUrl: ping.url, content, ip: sender.ip, userAgent: sender.userAgent };
  const decision = await moderate(candidate);
  const row = await insertComment({
    postId: post.id,
    type: "trackback",
    status: decision.status,
    authorName: ping.blogName,
    authorUrl: ping.url,
    authorIp: sender.ip,
    userAgent: truncate(sender.userAgent, 255, ""),
    content,
    ...await dates(),
  });
  logEvent("moderation", { type: "trackback", commentId: row.id, postId: post.id, status: row.status, reason: decision.reason });
  return { ok: true, commentId: row.id, status: row.status };
}

/** Target checks common to pingback and webmention: the post, and that it takes pings. */
async function targetPost(target: string, onMissing: () => never, onClosed: () => never): Promise<PostCard> {
  const post = await postFromUrl(target);
  if (!post) onMissing();
  if (post.pingStatus !== "open") onClosed();
  return post;
}

function fault(code: number, message: string): never {
  throw new XmlRpcFault(code, message);
}

/**
 * pingback.ping. Policy (docs/linkbacks.md): fault codes are not masked as WordPress masks them; instead
 * the fault strings never carry fetch details, and sources must be on ports 80, 443 or 8080
 * (unless allowlisted), so the endpoint cannot be used to scan ports or private networks.
 */
export async function receivePingback(source: string, target: string, sender: Sender): Promise<string> {
  const sourceUrl = httpUrl(source);
  if (!sourceUrl) fault(FAULTS.sourceNotFound, "The source URL does not exist.");
  if (!httpUrl(target)) fault(FAULTS.targetNotFound, "The specified target URL does not exist.");
  if (sameUrl(source, target)) fault(FAULTS.generic, "The source URL and the target URL cannot both point to the same resource.");
  const post = await targetPost(
    target,
    () => fault(FAULTS.targetNotFound, "The specified target URL does not exist."),
    () => fault(FAULTS.targetNotPingable, "The specified target URL cannot be used as a target."),
  );
  if (await hasPingFromUrl(post.id, sourceUrl.toString())) fault(FAULTS.alreadyRegistered, "The pingback has already been registered.");
  if (!(await withinPingRate(sourceUrl, sender.ip))) fault(FAULTS.accessDenied, "Access denied: too many pings in a short time.");
  const opts = await getOptions();
  let res;
  try {
    res = await safeFetch(sourceUrl.toString(), { allowHosts: opts.outbound_allow_hosts, ports: [80, 443, 8080], headers: { accept: "text/html,*/*;q=0.5" } });
  } catch (e) {
    const code = (e as SafeFetchError).code ?? "error";
    logEvent("linkback.pingback_fetch_failed", { source: sourceUrl.toString(), code });
    if (code === "busy") fault(FAULTS.upstream, "The server is busy; try again later.");
    fault(FAULTS.sourceNotFound, "The source URL does not exist.");
  }
  if (res.status >= 500) fault(FAULTS.upstream, "The source URL could not be read.");
  if (res.status >= 400) fault(FAULTS.sourceNotFound, "The source URL does not exist.");
  const html = res.text();
  const scan = scanHtml(html, res.url);
  // Refused before the h-entry and excerpt parsers, whose cost also grows with depth.
  if (!scan.complete) fault(FAULTS.generic, "The source URL nests HTML elements too deeply to be read.");
  if (!linksTo(scan, target)) fault(FAULTS.noLink, "The source URL does not contain a link to the target URL, and so cannot be used as a source.");
  const title = truncate(scan.title || sourceUrl.hostname, 250);
  const content = mentionContent(contextExcerpt(html, res.url, target) || scan.title);
  const authorUrl = sourceUrl.toString();
  const candidate: CommentCandidate = { type: "pingback", authorName: title, authorEmail: "", authorUrl, content, ip: sender.ip, userAgent: sender.userAgent };
  const decision = await moderate(candidate);
  // Re-check after the fetch: a concurrent ping from the same source may have landed meanwhile.
  if (await hasPingFromUrl(post.id, authorUrl)) fault(FAULTS.alreadyRegistered, "The pingback has already been registered.");
  const row = await insertComment({
    postId: post.id,
    type: "pingback",
    status: decision.status,
    authorName: title,
    authorUrl,
    authorIp: sender.ip,
    userAgent: truncate(sender.userAgent, 255, ""),
    content,
    ...await dates(),
  });
  logEvent("moderation", { type: "pingback", commentId: row.id, postId: post.id, status: row.status, reason: decision.reason });
  return `Pingback from ${authorUrl} to ${target} registered. Keep the web talking! :-)`;
}

export async function getPingbacks(target: string): Promise<string[]> {
  const post = await targetPost(
    target,
    () => fault(FAULTS.targetNotFound, "The specified target URL does not exist."),
    () => fault(FAULTS.targetNotPingable, "The specified target URL cannot be used as a target."),
  );
  return (await listLinkbacks(post.id, ["pingback"]))
    .filter((c) => c.status === "1")
    .map((c) => c.authorUrl);
}

export type WebmentionCheck = { ok: true; postId: number; source: string; target: string } | { ok: false; status: 400 | 429; message: string };

/** The synchronous part of a Webmention: reject at once what can never be valid (W3C §3.2.1). */
export async function checkWebmention(source: string, target: string, sender: Sender): Promise<WebmentionCheck> {
  const s = httpUrl(source);
  const t = httpUrl(target);
  if (!source || !target) return { ok: false, status: 400, message: "source and target are required." };
  if (!s || !t || source.length > 2000 || target.length > 2000) return { ok: false, status: 400, message: "source and target must be http or https URLs." };
  if (sameUrl(s.toString(), t.toString())) return { ok: false, status: 400, message: "source and target must differ." };
  const post = await postFromUrl(t.toString());
  if (!post) return { ok: false, status: 400, message: "The target is not a post on this site." };
  if (post.pingStatus !== "open") return { ok: false, status: 400, message: "The target does not accept webmentions." };
  if (!(await withinPingRate(s, sender.ip))) return { ok: false, status: 429, message: "Too many webmentions in a short time; try again later." };
  return { ok: true, postId: post.id, source: s.toString(), target: t.toString() };
}

export interface WebmentionJob {
  postId: number;
  source: string;
  target: string;
  ip: string;
  userAgent: string;
}

/** Thrown for failures worth retrying (network, 5xx): the job queue tries again later. */
export class RetryableError extends Error {}

/**
 * Verifies a webmention from the job queue: fetch the source, require an exact link to the
 * target, take author and content from an h-entry, then insert, update or delete (idempotent).
 */
export async function verifyWebmention(job: WebmentionJob): Promise<"created" | "updated" | "deleted" | "rejected" | "unchanged"> {
  const post = await getPostCardById(job.postId);
  const existing = await findWebmention(job.postId, job.source);
  if (!post || post.status !== "publish" || post.pingStatus !== "open") return "rejected";
  let res;
  try {
    res = await safeFetch(job.source, { allowHosts: (await getOptions()).outbound_allow_hosts, headers: { accept: "text/html,*/*;q=0.5" } });
  } catch (e) {
    const code = (e as SafeFetchError).code;
    if (code === "timeout" || code === "network" || code === "busy") throw new RetryableError(`source unreachable: ${code}`);
    return "rejected";
  }
  if (res.status === 410) {
    if (existing) {
      await deleteLinkback(existing.id);
      return "deleted";
    }
    return "rejected";
  }
  if (res.status >= 500 || res.status === 429) throw new RetryableError(`source answered ${res.status}`);
  if (res.status >= 400) return "rejected";
  const html = res.text();
  const scan = scanHtml(html, res.url);
  if (!scan.complete) {
    // The h-entry parser's cost also grows with depth: such a page is refused, not read on.
    logEvent("linkback.webmention_too_deep", { source: job.source });
    return "rejected";
  }
  if (!linksTo(scan, job.target)) {
    if (existing) {
      await deleteLinkback(existing.id);
      return "deleted";
    }
    return "rejected";
  }
  const entry = parseHEntry(html, res.url);
  const authorName = truncate(entry?.authorName || entry?.name || scan.title || new URL(job.source).hostname, 250);
  const authorUrl = entry?.authorUrl || job.source;
  const text = entry?.content ? truncate(entry.content, 500) : contextExcerpt(html, res.url, job.target) || scan.title;
  const content = mentionContent(text);
  const meta = { webmention_source: job.source, webmention_target: job.target, webmention_photo: entry?.authorPhoto ?? "", webmention_author_url: entry?.authorUrl ?? "" };
  if (existing) {
    if (existing.authorName === authorName && existing.authorUrl === authorUrl && existing.content === content) return "unchanged";
    await updateWebmention(existing.id, { authorName, authorUrl, content }, meta);
    return "updated";
  }
  const decision = await moderate({ type: "webmention", authorName, authorEmail: "", authorUrl, content, ip: job.ip, userAgent: job.userAgent });
  const row = await insertLinkback(
    { postId: job.postId, type: "webmention", status: decision.status, authorName, authorUrl, authorIp: job.ip, userAgent: truncate(job.userAgent, 255, ""), content, ...await dates() },
    meta,
  );
  logEvent("moderation", { type: "webmention", commentId: row.id, postId: job.postId, status: row.status, reason: decision.reason });
  return "created";
}
