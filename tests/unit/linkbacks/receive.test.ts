// Receiving: TrackBack, pingback.ping and Webmention verification against the real database,
// with source pages served by a peer on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { startPeer } from "../support/peer";
import { getOptions, updateOptions } from "@/db/queries/options";
import { getPostById } from "@/db/queries/posts";
import { getCommentMeta, listLinkbacks, setLinkbackStatus } from "@/db/queries/linkbacks";
import { checkWebmention, getPingbacks, postFromUrl, receivePingback, receiveTrackback, verifyWebmention, RetryableError } from "@/lib/linkbacks/receive";
import { parseTrackbackForm } from "@/lib/linkbacks/trackback";
import { XmlRpcFault } from "@/lib/linkbacks/xmlrpc";

const SITE = "http://blog.test";
const sender = { ip: "198.51.100.7", userAgent: "WordPress/6.1.9; http://peer.example" };
const pages: Record<string, { status?: number; body: string }> = {};
let peer: Awaited<ReturnType<typeof startPeer>>;
let authorId = 0;

beforeAll(async () => {
  process.env.OUTBOUND_ALLOW_HOSTS = "127.0.0.1";
  peer = await startPeer((r) => {
    const p = pages[r.path.split("?")[0]!];
    return p ? { status: p.status ?? 200, body: p.body } : undefined;
  });
  authorId = (await makeUser("author")).id;
});
afterAll(() => peer.close());

const permalink = (p: { slug: string }) => `${SITE}/2026/01/15/${p.slug}/`;
const faultCode = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof XmlRpcFault ? e.code : String(e);
  }
};

describe("targets", () => {
  it("resolves this site's permalinks and ?p=ID, nothing else", async () => {
    const post = await makePost(authorId);
    expect((await postFromUrl(permalink(post)))?.id).toBe(post.id);
    expect((await postFromUrl(`${SITE}/?p=${post.id}`))?.id).toBe(post.id);
    expect(await postFromUrl(`http://other.test/2026/01/15/${post.slug}/`)).toBeUndefined();
    expect(await postFromUrl(`${SITE}/2026/01/16/${post.slug}/`)).toBeUndefined();
    const draft = await makePost(authorId, { status: "draft" });
    expect(await postFromUrl(`${SITE}/?p=${draft.id}`)).toBeUndefined();
  });
});

describe("TrackBack", () => {
  const ping = (url: string, title = "Their post") => {
    const r = parseTrackbackForm(new URLSearchParams({ url, title, excerpt: "Nice &amp; short", blog_name: "Peer" }).toString());
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };

  it("stores a held trackback with WordPress's content shape, then refuses the same URL again", async () => {
    const post = await makePost(authorId);
    const r = await receiveTrackback(await postFromUrl(permalink(post)), ping("http://peer.example/a/"), sender);
    expect(r).toMatchObject({ ok: true, status: "0" });
    const [c] = await listLinkbacks(post.id);
    expect(c).toMatchObject({ type: "trackback", status: "0", authorName: "Peer", authorUrl: "http://peer.example/a/", authorIp: sender.ip });
    expect(c!.content).toBe("<strong>Their post</strong>\n\nNice &amp; short");
    expect((await getPostById(post.id))!.commentCount).toBe(0);
    expect(await receiveTrackback(await postFromUrl(permalink(post)), ping("http://peer.example/a/"), sender)).toEqual({
      ok: false,
      message: "There is already a ping from that URL for this post.",
    });
    // The moderator approves: the count follows.
    await setLinkbackStatus(c!.id, "1");
    expect((await getPostById(post.id))!.commentCount).toBe(1);
  });

  it("refuses closed pings and missing posts", async () => {
    const closed = await makePost(authorId, { pingStatus: "closed" });
    expect(await receiveTrackback(await postFromUrl(permalink(closed)), ping("http://peer.example/b/"), sender)).toEqual({ ok: false, message: "Sorry, trackbacks are closed for this item." });
    expect((await receiveTrackback(undefined, ping("http://peer.example/b/"), sender)).ok).toBe(false);
    expect(await listLinkbacks(closed.id)).toHaveLength(0);
  });

  it("runs the comment rules: disallowed keys trash it, moderation keys hold it", async () => {
    await updateOptions({ disallowed_keys: "casino" });
    const post = await makePost(authorId);
    const r = await receiveTrackback(await postFromUrl(permalink(post)), ping("http://spam.example/x/", "Best casino"), sender);
    expect(r).toMatchObject({ ok: true, status: "trash" });
    await updateOptions({ disallowed_keys: "", comment_previously_approved: false });
    const ok = await receiveTrackback(await postFromUrl(permalink(post)), ping("http://fine.example/x/"), sender);
    // With "previously approved" off and no other rule, a ping is approved like a comment.
    expect(ok).toMatchObject({ ok: true, status: "1" });
    await updateOptions({ comment_previously_approved: true });
  });

  it("rate-limits per source host", async () => {
    const post = await makePost(authorId);
    const results = [];
    for (let i = 0; i < 22; i++) results.push((await receiveTrackback(await postFromUrl(permalink(post)), ping(`http://flood.example/${i}/`), { ...sender, ip: `203.0.113.${i}` })).ok);
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results.at(-1)).toBe(false);
  });
});

describe("pingback.ping", () => {
  it("fetches the source, needs a link, stores title and context, refuses a repeat with 48", async () => {
    const post = await makePost(authorId);
    const target = permalink(post);
    pages["/pb-ok"] = { body: `<html><head><title>Peer &amp; post</title></head><body><p>I read <a href="${target}">this post</a> today.</p></body></html>` };
    const msg = await receivePingback(`${peer.origin}/pb-ok`, target, sender);
    expect(msg).toContain("registered");
    const [c] = await listLinkbacks(post.id);
    expect(c).toMatchObject({ type: "pingback", status: "0", authorName: "Peer & post", authorUrl: `${peer.origin}/pb-ok` });
    expect(c!.content).toBe("[…] I read this post today. […]");
    expect(await faultCode(receivePingback(`${peer.origin}/pb-ok`, target, sender))).toBe(48);
    await setLinkbackStatus(c!.id, "1");
    expect(await getPingbacks(target)).toEqual([`${peer.origin}/pb-ok`]);
  });

  it("answers each fault of the spec", async () => {
    const post = await makePost(authorId);
    const target = permalink(post);
    pages["/pb-nolink"] = { body: "<title>x</title><a href='http://elsewhere.example/'>x</a>" };
    pages["/pb-gone"] = { status: 404, body: "" };
    pages["/pb-500"] = { status: 503, body: "" };
    expect(await faultCode(receivePingback(`${peer.origin}/pb-nolink`, target, sender))).toBe(17);
    expect(await faultCode(receivePingback(`${peer.origin}/pb-gone`, target, sender))).toBe(16);
    expect(await faultCode(receivePingback(`${peer.origin}/pb-500`, target, sender))).toBe(50);
    expect(await faultCode(receivePingback("not a url", target, sender))).toBe(16);
    // Private and loopback sources are refused as "does not exist": no probing of our network.
    expect(await faultCode(receivePingback("http://169.254.169.254/latest/", target, sender))).toBe(16);
    expect(await faultCode(receivePingback("http://10.0.0.1/", target, sender))).toBe(16);
    expect(await faultCode(receivePingback(`${peer.origin}/pb-ok`, `${SITE}/2026/01/15/nope/`, sender))).toBe(32);
    expect(await faultCode(receivePingback(`${peer.origin}/pb-ok`, "http://other.test/x/", sender))).toBe(32);
    const closed = await makePost(authorId, { pingStatus: "closed" });
    expect(await faultCode(receivePingback(`${peer.origin}/pb-ok`, permalink(closed), sender))).toBe(33);
    expect(await faultCode(receivePingback(target, target, sender))).toBe(0);
    expect(await listLinkbacks(post.id)).toHaveLength(0);
  });
});

describe("Webmention", () => {
  it("rejects bad requests at once with 400", async () => {
    const post = await makePost(authorId);
    const t = permalink(post);
    expect(await checkWebmention("", t, sender)).toMatchObject({ ok: false, status: 400 });
    expect(await checkWebmention("ftp://x.example/", t, sender)).toMatchObject({ ok: false, status: 400 });
    expect(await checkWebmention(t, t, sender)).toMatchObject({ ok: false, status: 400 });
    expect(await checkWebmention("http://a.example/", `${SITE}/nope/`, sender)).toMatchObject({ ok: false, status: 400 });
    expect(await checkWebmention("http://a.example/", t, sender)).toMatchObject({ ok: true, postId: post.id });
  });

  it("creates from an h-entry, updates on repeat, deletes on 410 and when the link is gone", async () => {
    const post = await makePost(authorId);
    const target = permalink(post);
    const source = `${peer.origin}/wm-note`;
    const job = { postId: post.id, source, target, ip: sender.ip, userAgent: "test" };
    pages["/wm-note"] = {
      body: `<div class="h-entry"><span class="p-author h-card"><img class="u-photo" src="/alice.jpg" alt=""><a class="p-name u-url" href="${peer.origin}/">Alice</a></span>
        <div class="e-content">Great <a href="${target}">post</a>! <script>x()</script></div></div>`,
    };
    expect(await verifyWebmention(job)).toBe("created");
    let [c] = await listLinkbacks(post.id);
    expect(c).toMatchObject({ type: "webmention", status: "0", authorName: "Alice", authorUrl: `${peer.origin}/`, content: "Great post!" });
    expect(await getCommentMeta(c!.id)).toMatchObject({ webmention_source: source, webmention_target: target, webmention_photo: `${peer.origin}/alice.jpg` });
    expect(await verifyWebmention(job)).toBe("unchanged");
    pages["/wm-note"]!.body = pages["/wm-note"]!.body.replace("Great", "Really great");
    expect(await verifyWebmention(job)).toBe("updated");
    [c] = await listLinkbacks(post.id);
    expect(c!.content).toBe("Really great post!");
    expect(await listLinkbacks(post.id)).toHaveLength(1);
    await setLinkbackStatus(c!.id, "1");
    expect((await getPostById(post.id))!.commentCount).toBe(1);
    pages["/wm-note"] = { status: 410, body: "" };
    expect(await verifyWebmention(job)).toBe("deleted");
    expect(await listLinkbacks(post.id)).toHaveLength(0);
    expect((await getPostById(post.id))!.commentCount).toBe(0);
    // Again, then the source stops linking.
    pages["/wm-note"] = { body: `<p><a href="${target}">x</a></p>` };
    expect(await verifyWebmention(job)).toBe("created");
    pages["/wm-note"] = { body: `<p>no link any more</p>` };
    expect(await verifyWebmention(job)).toBe("deleted");
    expect(await listLinkbacks(post.id)).toHaveLength(0);
  });

  it("escapes whatever the source says and retries when the source is down", async () => {
    const post = await makePost(authorId);
    const target = permalink(post);
    pages["/wm-xss"] = { body: `<title>&lt;img src=x onerror=alert(1)&gt;</title><p>&lt;b&gt;hi <a href="${target}">t</a></p>` };
    expect(await verifyWebmention({ postId: post.id, source: `${peer.origin}/wm-xss`, target, ip: "1.2.3.4", userAgent: "" })).toBe("created");
    const [c] = await listLinkbacks(post.id);
    expect(c!.content).not.toContain("<b>");
    expect(c!.content).toContain("&lt;b&gt;hi");
    pages["/wm-down"] = { status: 503, body: "" };
    await expect(verifyWebmention({ postId: post.id, source: `${peer.origin}/wm-down`, target, ip: "1.2.3.4", userAgent: "" })).rejects.toBeInstanceOf(RetryableError);
    expect((await getOptions()).outbound_allow_hosts).toBe("");
  });
});
