// Inkwell as an oEmbed provider: /wp-json/oembed/1.0/embed answers as WordPress's
// WP_oEmbed_Controller (fields, sizes, XML, error codes), only for what a visitor may read; the
// embed card; and a link to one of the site's posts on its own line becomes that card.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { Parser } from "htmlparser2";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { makePost, makeUser } = await import("../support/factories");
const { insertMedia } = await import("@/db/queries/media");
const { getOptions, updateOptions } = await import("@/db/queries/options");
const { permalinkOf } = await import("@/lib/site/urls");
const { embedSize } = await import("@/lib/oembed/provider");
const { embedCardHtml, embedExcerpt, EMBED_CARD_CSP } = await import("@/lib/oembed/embed-card");
const { embedsFor } = await import("@/lib/site/embed-set");
const { renderEmbeds } = await import("@/lib/content/embeds");
const route = await import("@/app/wp-json/[[...route]]/route");
const card = await import("@/app/embed-card/[[...segments]]/route");

const SITE = "http://blog.test";

async function oembed(query: Record<string, string>) {
  const url = new URL("/wp-json/oembed/1.0/embed", SITE);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await route.GET(new Request(url), { params: Promise.resolve({ route: ["oembed", "1.0", "embed"] }) });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}
const json = async (query: Record<string, string>) => {
  const r = await oembed(query);
  return { status: r.status, body: JSON.parse(r.text) };
};
const xml = (text: string) => new XMLParser({ parseTagValue: false }).parse(text);

let author: Awaited<ReturnType<typeof makeUser>>;
let post: Awaited<ReturnType<typeof makePost>>;
let permalink: string;

beforeAll(async () => {
  await updateOptions({ blogname: "Ink & Quill", permalink_structure: "/%year%/%monthnum%/%day%/%postname%/" });
  author = await makeUser("author");
  const image = await insertMedia({ path: "2026/11/sea.jpg", fileName: "sea.jpg", mimeType: "image/jpeg", width: 1500, height: 1000, alt: "The sea", sizes: "{}" });
  // Titles are HTML, as WordPress keeps them (lib/content/title.ts): this one's text is "Tides & <Moons>".
  post = await makePost(author.id, { title: "Tides &amp; &lt;Moons&gt;", slug: "tides", content: "<p>The tide comes in twice a day.</p>", featuredMediaId: image.id });
  permalink = SITE + (await permalinkOf({ ...post, authorNicename: author.nicename }, await getOptions()));
});

describe("/wp-json/oembed/1.0/embed", () => {
  it("answers WordPress's fields for a published post, with the card's sandboxed frame and the featured image", async () => {
    const { status, body } = await json({ url: permalink });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      version: "1.0", provider_name: "Ink & Quill", provider_url: SITE, author_name: author.displayName,
      author_url: `${SITE}/author/${author.nicename}/`, title: "Tides & <Moons>", type: "rich", width: 600, height: 338,
      thumbnail_url: `${SITE}/wp-content/uploads/2026/11/sea.jpg`, thumbnail_width: 600, thumbnail_height: 400,
    });
    const frames: Record<string, string>[] = [];
    const links: string[] = [];
    new Parser({ onopentag: (name, a) => (name === "iframe" ? frames.push(a) : name === "a" ? links.push(a.href!) : undefined) }).end(body.html);
    expect(links).toEqual([permalink]);
    expect(frames).toHaveLength(1);
    expect(frames[0]).toMatchObject({ sandbox: "allow-scripts", security: "restricted", width: "600", height: "338", title: "“Tides & <Moons>” — Ink & Quill", class: "wp-embedded-content" });
    // As WordPress 6.1's get_post_embed_html: one secret in the blockquote, the frame and its URL.
    const secret = frames[0]!["data-secret"]!;
    expect(secret).toMatch(/^[A-Za-z0-9]{10}$/);
    expect(frames[0]!.src).toBe(`${permalink}embed/#?secret=${secret}`);
    expect(body.html).toContain(`<blockquote class="wp-embedded-content" data-secret="${secret}">`);
    expect(body.html).not.toContain("<Moons>");
  });

  it("sizes as WordPress: maxwidth kept within 200…600, 16:9 but at least 200 high", async () => {
    expect(embedSize(undefined)).toEqual({ width: 600, height: 338 });
    expect(embedSize(400)).toEqual({ width: 400, height: 225 });
    expect(embedSize(50)).toEqual({ width: 200, height: 200 });
    expect(embedSize(5000)).toEqual({ width: 600, height: 338 });
    expect((await json({ url: permalink, maxwidth: "320" })).body).toMatchObject({ width: 320, height: 200, thumbnail_width: 320 });
  });

  it("finds the post by ?p=ID and by its embed view's address", async () => {
    expect((await json({ url: `${SITE}/?p=${post.id}` })).body.title).toBe("Tides & <Moons>");
    expect((await json({ url: `${permalink}embed/` })).body.title).toBe("Tides & <Moons>");
  });

  it("answers XML that a real parser reads back to the same fields", async () => {
    const r = await oembed({ url: permalink, format: "xml" });
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/xml/);
    expect(r.text.startsWith('<?xml version="1.0"?>')).toBe(true);
    const { oembed: o } = xml(r.text);
    const j = (await json({ url: permalink })).body;
    expect(o).toMatchObject({ version: "1.0", provider_name: "Ink & Quill", title: "Tides & <Moons>", type: "rich", width: "600", height: "338", thumbnail_url: j.thumbnail_url });
    expect(o.html.replace(/secret=?"?[A-Za-z0-9]{10}/g, "S")).toBe(j.html.replace(/secret=?"?[A-Za-z0-9]{10}/g, "S"));
  });

  it("says oembed_invalid_url (404) for drafts, private, scheduled, protected, trashed, other sites' and missing posts", async () => {
    const hidden = await Promise.all([
      makePost(author.id, { status: "draft", slug: "a-draft" }),
      makePost(author.id, { status: "private", slug: "a-private" }),
      makePost(author.id, { status: "future", slug: "a-future" }),
      makePost(author.id, { status: "trash", slug: "a-trash" }),
      makePost(author.id, { password: "pw", slug: "a-protected" }),
    ]);
    const opts = await getOptions();
    for (const h of hidden) {
      for (const url of [SITE + (await permalinkOf({ ...h, authorNicename: author.nicename }, opts)), `${SITE}/?p=${h.id}`]) {
        expect(await json({ url }), url).toEqual({ status: 404, body: { code: "oembed_invalid_url", message: "Not Found", data: { status: 404 } } });
      }
    }
    expect((await json({ url: `https://elsewhere.example${new URL(permalink).pathname}` })).status).toBe(404);
    expect((await json({ url: `${SITE}/?p=987654` })).status).toBe(404);
    expect((await json({ url: "not a url" })).status).toBe(404);
    const x = await oembed({ url: `${SITE}/?p=${hidden[0]!.id}`, format: "xml" });
    expect(x.status).toBe(404);
    expect(xml(x.text).oembed).toMatchObject({ code: "oembed_invalid_url", message: "Not Found" });
  });

  it("refuses a missing url, an unknown format or a bad maxwidth with WordPress's 400s", async () => {
    expect(await json({})).toMatchObject({ status: 400, body: { code: "rest_missing_callback_param", data: { params: ["url"] } } });
    expect(await json({ url: permalink, format: "yaml" })).toMatchObject({ status: 400, body: { code: "rest_invalid_param", data: { params: { format: "format is not one of json and xml." } } } });
    expect(await json({ url: permalink, maxwidth: "wide" })).toMatchObject({ status: 400, body: { code: "rest_invalid_param" } });
    expect((await json({ url: `${SITE}/${"a".repeat(3000)}` })).status).toBe(400);
  });
});

describe("the embed view", () => {
  it("is WordPress's card: title, excerpt, site name, comments; no scripts but its own; framable anywhere", async () => {
    const { pathname } = new URL(permalink);
    const res = await card.GET(new Request(`${SITE}/embed-card${pathname}`), { params: Promise.resolve({ segments: pathname.split("/").filter(Boolean) }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(EMBED_CARD_CSP);
    expect(EMBED_CARD_CSP).toContain("frame-ancestors *");
    expect(EMBED_CARD_CSP).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain(`<p class="wp-embed-heading"><a href="${permalink}" target="_top">Tides &amp; &lt;Moons&gt;</a></p>`);
    expect(html).toContain("The tide comes in twice a day.");
    expect(html).toContain("<span>Ink &amp; Quill</span>");
    expect(html).toContain('<img src="/wp-content/uploads/2026/11/sea.jpg"');
    const hidden = await makePost(author.id, { status: "draft", slug: "draft-card", title: "Secret draft" });
    const miss = await card.GET(new Request(`${SITE}/embed-card/?p=${hidden.id}&embed=true`), { params: Promise.resolve({}) });
    expect(miss.status).toBe(404);
    const text = await miss.text();
    expect(text).toContain("Oops! That embed cannot be found.");
    expect(text).not.toContain("Secret draft");
  });

  it("cuts the excerpt at 35 words and leaves shortcodes out", () => {
    const words = Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ");
    expect(embedExcerpt({ excerpt: "", content: `<p>[gallery ids="1,2"] ${words}</p>` })).toEqual({ text: words.split(" ").slice(0, 35).join(" "), more: true });
    const out = embedCardHtml({ title: "<script>x</script>", permalink: 'https://a.example/"x', excerpt: "<b>hi</b>", content: "", commentCount: 2, commentsOpen: true }, { name: "S", url: "https://a.example/" });
    expect(out).not.toContain("<script>x");
    expect(out).not.toContain('"x"');
    expect(out).toContain("2<span class=\"screen-reader-text\"> Comments</span>");
  });
});

describe("a link to one of this site's posts, alone on its line, in another post", () => {
  it("becomes the post's card; a hidden post's link, another site's or a link in a sentence stays as written", async () => {
    const draft = await makePost(author.id, { status: "draft", slug: "quiet" });
    const draftUrl = `${SITE}/?p=${draft.id}`;
    const content = `<p>Read this:</p>\n<p>${permalink}</p>\n<p>${draftUrl}</p>\n<p>See ${permalink} too.</p>\n<p>https://elsewhere.example/x/</p>`;
    const known = await embedsFor([{ id: post.id, content }]);
    expect([...known.keys()]).toEqual([permalink]);
    const html = renderEmbeds(content, known);
    expect(html).toContain(`<figure class="wp-block-embed is-type-wp-embed is-provider-site wp-block-embed-site"><div class="wp-block-embed__wrapper"><iframe class="wp-embedded-content" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" src="${permalink}embed/"`);
    expect(html).toContain(`<p>${draftUrl}</p>`);
    expect(html).toContain(`<p>See ${permalink} too.</p>`);
    expect(html).toContain("<p>https://elsewhere.example/x/</p>");
    expect(html.match(/<iframe/g)).toHaveLength(1);
    // [embed] and embed blocks name this site's posts too.
    expect([...(await embedsFor([{ id: post.id, content: `[embed]${permalink}[/embed]` }])).keys()]).toEqual([permalink]);
  });
});
