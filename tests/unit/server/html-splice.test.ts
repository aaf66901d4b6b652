// Big HTML travels once: components put markers (lib/site/html-splice.ts), the server fills them in
// as the page is written (server/html-splice.mjs). Checked over a real HTTP server and socket.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import compression from "compression";
import { newSpliceStore, spliceBytes, spliceResponse, spliceStorage, wantsSplice } from "@/server/html-splice.mjs";
import { spliced, SPLICE_MIN_CHARS } from "@/lib/site/html-splice";
import { wing } from "@/server/wing";

// As server/main.mjs does before Next starts: components reach the storage through the wing.
wing().server = { metrics: { rateLimited: { inc() {} }, hooks: {} }, splice: spliceStorage as never };

/** spliceBytes on a string, its answer as strings. */
const spliceText = (text: string, store: { id: string; fragments: string[] }, final: boolean) => {
  const r = spliceBytes(Buffer.from(text), store, final);
  return { out: r.out.toString("utf8"), carry: r.carry.toString("utf8") };
};

const big = (s: string) => s.repeat(Math.ceil(SPLICE_MIN_CHARS / s.length) + 1);

let server: http.Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** Serves `chunks` (as a component tree would stream them) with splicing on, and returns what a client got. */
async function serve(contentType: string, write: (res: http.ServerResponse, marker: (html: string) => string) => void, opts: { gzip?: boolean } = {}) {
  const compress = compression();
  server = http.createServer((req, res) => {
    compress(req as never, res as never, () => {
      const store = newSpliceStore();
      spliceResponse(res, store);
      spliceStorage.run(store, () => {
        res.setHeader("content-type", contentType);
        write(res, spliced);
      });
    });
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http.get({ host: "127.0.0.1", port, path: "/", headers: opts.gzip ? { "accept-encoding": "gzip" } : {} }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (c: Buffer) => parts.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(parts);
        resolve({ body: (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8"), headers: res.headers });
      });
    }).on("error", reject);
  });
}

describe("spliced HTML", () => {
  it("outside a page load (tests, RSC data) the HTML itself; inside one, a marker for big HTML only", () => {
    const html = big("<p>café</p>");
    expect(spliced(html)).toBe(html);
    spliceStorage.run(newSpliceStore(), () => {
      expect(spliced(html)).toMatch(/^<!--ink:[0-9a-f-]{36}:0-->$/);
      expect(spliced("<p>short</p>")).toBe("<p>short</p>");
      expect(spliced(html)).toMatch(/:1-->$/);
    });
  });

  it("fills every marker, even one cut across chunks and beside multi-byte characters, and drops Content-Length", async () => {
    const a = big("<li>Zoë’s comment</li>");
    const b = big("<section>widget ✓</section>");
    const { body, headers } = await serve("text/html; charset=utf-8", (res, marker) => {
      const page = Buffer.from(`<html><body>é${marker(a)}€<aside>${marker(b)}</aside></body></html>`);
      res.setHeader("content-length", String(page.length));
      // One byte at a time: every marker and every multi-byte character is split.
      for (let i = 0; i < page.length - 1; i++) res.write(page.subarray(i, i + 1));
      res.end(page.subarray(page.length - 1));
    });
    expect(body).toBe(`<html><body>é${a}€<aside>${b}</aside></body></html>`);
    expect(headers["content-length"]).toBeUndefined();
  });

  it("compresses after filling: a gzip client gets the whole page", async () => {
    const a = big("<p>compressed after the splice</p>").repeat(4); // over compression's 1 KB threshold
    const { body, headers } = await serve("text/html", (res, marker) => res.end(`<main>${marker(a)}</main>`), { gzip: true });
    expect(headers["content-encoding"]).toBe("gzip");
    expect(body).toBe(`<main>${a}</main>`);
  });

  it("leaves other content types and markers of another request alone", async () => {
    const foreign = "<!--ink:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa:0-->";
    const json = await serve("application/json", (res) => res.end(`{"x":"${foreign}"}`));
    expect(json.body).toBe(`{"x":"${foreign}"}`);
    const store = { id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", fragments: ["<b>mine</b>"] };
    expect(spliceText(`${foreign}<!--ink:bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb:0--><!--ink:bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb:7-->`, store, true).out).toBe(`${foreign}<b>mine</b>`);
  });

  it("holds back only what could be the start of a marker", () => {
    const store = { id: "cccccccc-cccc-4ccc-8ccc-cccccccccccc", fragments: [] };
    expect(spliceText("<p>text</p><!--ink:ccc", store, false)).toEqual({ out: "<p>text</p>", carry: "<!--ink:ccc" });
    expect(spliceText("<p>text</p><", store, false)).toEqual({ out: "<p>text</p>", carry: "<" });
    expect(spliceText("<p>text</p><div", store, false)).toEqual({ out: "<p>text</p><div", carry: "" });
    expect(spliceText("<p>a < b", store, false)).toEqual({ out: "<p>a < b", carry: "" });
  });

  it("passes a chunk without a marker on as the same bytes, and leaves what only looks like a marker", () => {
    const id = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
    const store = { id, fragments: ["<i>Zoë</i>"] };
    const plain = Buffer.from("<p>Zoë’s <!-- comment --> a < b</p>");
    expect(spliceBytes(plain, store, false).out).toBe(plain);
    expect(spliceText(`<!--ink:nope--><!--ink:${id}:0--><!--ink:${id}:1234567-->`, store, true).out).toBe(`<!--ink:nope--><i>Zoë</i><!--ink:${id}:1234567-->`);
    // Cut inside the number or the closing "-->": held back whole, and filled once the rest arrives.
    expect(spliceText(`<b>é</b><!--ink:${id}:0-`, store, false)).toEqual({ out: "<b>é</b>", carry: `<!--ink:${id}:0-` });
    expect(spliceText(`<!--ink:${id}:`, store, false)).toEqual({ out: "", carry: `<!--ink:${id}:` });
    expect(spliceText(`<!--ink:${id}:0-`, store, true)).toEqual({ out: `<!--ink:${id}:0-`, carry: "" });
  });

  it("is for plain page loads only, never for RSC data or posts", () => {
    const req = (method: string, headers: Record<string, string> = {}, url = "/2026/01/01/post/") => ({ method, headers, url }) as never;
    expect(wantsSplice(req("GET"))).toBe(true);
    expect(wantsSplice(req("HEAD"))).toBe(true);
    expect(wantsSplice(req("POST"))).toBe(false);
    expect(wantsSplice(req("GET", { rsc: "1" }))).toBe(false);
    expect(wantsSplice(req("GET", { "next-router-prefetch": "1" }))).toBe(false);
    expect(wantsSplice(req("GET", {}, "/post/?_rsc=abc"))).toBe(false);
  });
});
