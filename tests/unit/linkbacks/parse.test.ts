// Parsing and formatting of TrackBack, XML-RPC (pingback), Webmention discovery and h-entry.
import fs from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseTrackbackForm, parseTrackbackResponse, trackbackContent, trackbackResponse, trackbackForm } from "@/lib/linkbacks/trackback";
import { FAULTS, faultResponse, methodCall, methodResponse, parseMethodCall, parseMethodResponse, XmlRpcFault } from "@/lib/linkbacks/xmlrpc";
import { contextExcerpt, discoverEndpoints, externalLinks, linksTo, parseHEntry, parseLinkHeader, scanHtml, trackbackRdf } from "@/lib/linkbacks/html";
import { htmlToText, truncate } from "@/lib/linkbacks/text";

const FIX = "/work/shared/fixtures/linkbacks";
const fixtureBody = (name: string) => fs.readFileSync(`${FIX}/${name}`, "latin1").split("\r\n\r\n")[1]!.replace(/\n$/, "");

describe("TrackBack form", () => {
  it("decodes WordPress's recorded request once: entities become characters, never raw or double-escaped", () => {
    const r = parseTrackbackForm(fixtureBody("wp-trackback-request.txt"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.title).toBe("Trackback test 2026-11-25 12:51:51 — “quotes” & café");
    expect(r.value.url).toBe("http://127.0.0.1:8080/2026/11/25/trackback-test-2026-11-25-125151-quotes-cafe/");
    expect(r.value.blogName).toBe("WordPress peer");
    expect(r.value.excerpt).toContain("Café, naïve, “smart quotes”, 5 < 6 & an em dash — to show");
    expect(r.value.excerpt.endsWith("block of…")).toBe(true);
    // Stored as HTML: escaped exactly once.
    const html = trackbackContent(r.value);
    expect(html).toContain("<strong>Trackback test 2026-11-25 12:51:51 — “quotes” &amp; café</strong>\n\n");
    expect(html).toContain("5 &lt; 6 &amp; an em dash");
    expect(html).not.toContain("&amp;amp;");
    expect(html).not.toContain("&#8220;");
  });

  it("requires an http(s) url", () => {
    expect(parseTrackbackForm("title=Hi")).toEqual({ ok: false, message: "The url field is required." });
    expect(parseTrackbackForm("url=javascript%3Aalert(1)").ok).toBe(false);
    expect(parseTrackbackForm("url=not%20a%20url").ok).toBe(false);
  });

  it("strips HTML from fields and cuts them to WordPress's lengths", () => {
    const long = "x".repeat(400);
    const r = parseTrackbackForm(`url=http%3A%2F%2Fa.example%2Fp&title=%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cb%3EBold%3C%2Fb%3E&excerpt=${long}&blog_name=%3Ci%3EBlog%3C%2Fi%3E`);
    expect(r.ok && r.value.title).toBe("Bold");
    expect(r.ok && r.value.blogName).toBe("Blog");
    expect(r.ok && Array.from(r.value.excerpt).length).toBe(252);
    expect(r.ok && r.value.excerpt.endsWith("…")).toBe(true);
  });

  it("defaults the title to the URL (TrackBack 1.2) and the blog name to the host", () => {
    const r = parseTrackbackForm("url=http%3A%2F%2Fa.example%2Fp");
    expect(r.ok && r.value).toMatchObject({ title: "http://a.example/p", blogName: "a.example" });
  });

  it("converts the charset named in the charset field; refuses UTF-7 and unknown charsets", () => {
    const latin = iconv.encode("Café naïve", "iso-8859-1");
    const enc = Array.from(latin).map((b) => "%" + b.toString(16).padStart(2, "0")).join("");
    const r = parseTrackbackForm(`url=http%3A%2F%2Fa.example%2Fp&title=${enc}&charset=ISO-8859-1`);
    expect(r.ok && r.value.title).toBe("Café naïve");
    const sjis = Array.from(iconv.encode("日本語", "shift_jis")).map((b) => "%" + b.toString(16).padStart(2, "0")).join("");
    const j = parseTrackbackForm(`url=http%3A%2F%2Fa.example%2Fp&title=${sjis}&charset=Shift_JIS`);
    expect(j.ok && j.value.title).toBe("日本語");
    expect(parseTrackbackForm("url=http%3A%2F%2Fa.example%2Fp&charset=UTF-7")).toEqual({ ok: false, message: "The UTF-7 charset is not accepted." });
    expect(parseTrackbackForm("url=http%3A%2F%2Fa.example%2Fp&charset=klingon")).toEqual({ ok: false, message: "Unknown charset." });
    // No charset field and bytes that are not UTF-8: read as Windows-1252 rather than mojibake.
    const w = parseTrackbackForm(`url=http%3A%2F%2Fa.example%2Fp&title=${enc}`);
    expect(w.ok && w.value.title).toBe("Café naïve");
  });

  it("answers in TrackBack's XML, escaping the message", () => {
    expect(trackbackResponse()).toBe(`<?xml version="1.0" encoding="utf-8"?>\n<response>\n<error>0</error>\n</response>\n`);
    expect(trackbackResponse("a < b")).toContain("<error>1</error>\n<message>a &lt; b</message>");
    expect(parseTrackbackResponse(fs.readFileSync(`${FIX}/wp-trackback-response.txt`, "latin1"))).toEqual({ ok: true, message: "" });
    expect(parseTrackbackResponse(trackbackResponse("There is already a ping from that URL for this post."))).toEqual({
      ok: false,
      message: "There is already a ping from that URL for this post.",
    });
    // Some receivers answer with anything at all: WordPress ignores the body and so do we.
    expect(parseTrackbackResponse("OK").ok).toBe(true);
  });

  it("sends UTF-8 form fields that round-trip through our own parser", () => {
    const sent = { url: "http://me.example/p/", title: "A “title” & more", excerpt: "5 < 6", blogName: "Me" };
    const r = parseTrackbackForm(trackbackForm(sent));
    expect(r.ok && r.value).toEqual(sent);
  });
});

describe("XML-RPC", () => {
  it("parses WordPress's recorded pingback.ping", () => {
    expect(parseMethodCall(fixtureBody("wp-pingback-request.txt"))).toEqual({
      methodName: "pingback.ping",
      params: ["http://127.0.0.1:8080/2026/11/25/pingback-test-2026-11-25-125152/", "http://127.0.0.1:8089/posts/pingback-target"],
    });
  });

  it("reads untyped values as strings, and arrays, structs, ints, booleans", () => {
    const call = parseMethodCall(
      "<methodCall><methodName>x</methodName><params><param><value>a &amp; b</value></param><param><value><array><data><value><int>3</int></value><value><boolean>1</boolean></value></data></array></value></param><param><value><struct><member><name>k</name><value><string>v</string></value></member></struct></value></param></params></methodCall>",
    );
    expect(call.params).toEqual(["a & b", [3, true], { k: "v" }]);
  });

  it("decodes character references once", () => {
    const call = parseMethodCall("<methodCall><methodName>x</methodName><params><param><value><string>caf&#233; &#x2014; &amp;lt;</string></value></param></params></methodCall>");
    expect(call.params).toEqual(["café — &lt;"]);
  });

  const faultOf = (xml: string) => {
    try {
      parseMethodCall(xml);
    } catch (e) {
      return (e as XmlRpcFault).code;
    }
    return null;
  };

  it("refuses DOCTYPE (entity expansion), malformed XML and non-methodCall documents", () => {
    expect(faultOf('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><methodCall><methodName>&a;</methodName></methodCall>')).toBe(FAULTS.parseError);
    expect(faultOf("<methodCall><methodName>x</methodName>")).toBe(FAULTS.parseError);
    expect(faultOf("not xml at all")).toBe(FAULTS.parseError);
    expect(faultOf("<methodResponse/>")).toBe(FAULTS.invalidRequest);
    expect(faultOf("<methodCall><params/></methodCall>")).toBe(FAULTS.invalidRequest);
  });

  it("formats faults as the spec shows and reads them back", () => {
    const xml = faultResponse(48, "The pingback has already been registered.");
    expect(xml).toContain("<fault><value><struct><member><name>faultCode</name><value><int>48</int></value></member>");
    expect(parseMethodResponse(xml)).toEqual({ fault: { code: 48, message: "The pingback has already been registered." } });
    expect(parseMethodResponse(methodResponse(["a", "b"]))).toEqual({ value: ["a", "b"] });
    expect(parseMethodResponse(fs.readFileSync(`${FIX}/wp-pingback-response.txt`, "latin1").split("\r\n\r\n")[1]!)).toEqual({
      value: expect.stringContaining("registered (test receiver)"),
    });
    expect("fault" in parseMethodResponse("<html>oops</html>")).toBe(true);
  });

  it("builds a methodCall WordPress can read (same shape as its own request)", () => {
    const xml = methodCall("pingback.ping", ["http://a.example/?x=1&y=2", "http://b.example/"]);
    expect(parseMethodCall(xml)).toEqual({ methodName: "pingback.ping", params: ["http://a.example/?x=1&y=2", "http://b.example/"] });
    expect(xml).toContain("<param><value><string>http://a.example/?x=1&amp;y=2</string></value></param>");
  });
});

describe("endpoint discovery", () => {
  const h = (o: Record<string, string>) => new Headers(o);

  it("parses Link headers: relative URLs, quoted multi-value rel, query strings kept", () => {
    expect(parseLinkHeader('<https://x.example/wm?a=1>; rel="webmention"', "https://t.example/p")).toEqual([{ url: "https://x.example/wm?a=1", rels: ["webmention"] }]);
    expect(parseLinkHeader('</wm/>; rel="webmention somethingelse", <https://o/>; rel=other', "https://t.example/p/q")).toEqual([
      { url: "https://t.example/wm/", rels: ["webmention", "somethingelse"] },
      { url: "https://o/", rels: ["other"] },
    ]);
    expect(parseLinkHeader("<https://t.example/a,b>; rel=webmention", "https://t.example/")[0]!.url).toBe("https://t.example/a,b");
  });

  it("prefers the Link header, then the first <link> or <a> in document order", () => {
    const html = '<html><head><link rel="pingback" href="/xmlrpc.php"></head><body><a rel="webmention" href="/a-wm">x</a><link rel="webmention" href="/link-wm"></body></html>';
    expect(discoverEndpoints(h({}), html, "https://t.example/post/")).toEqual({ webmention: "https://t.example/a-wm", pingback: "https://t.example/xmlrpc.php" });
    expect(discoverEndpoints(h({ link: "<https://wm.example/e>; rel=webmention", "x-pingback": "https://t.example/rpc" }), html, "https://t.example/post/")).toEqual({
      webmention: "https://wm.example/e",
      pingback: "https://t.example/rpc",
    });
    // rel="webmention" with an empty href is the page itself.
    expect(discoverEndpoints(h({}), '<link rel="webmention" href="">', "https://t.example/p?q=1").webmention).toBe("https://t.example/p?q=1");
    expect(discoverEndpoints(h({}), "<p>nothing</p>", "https://t.example/")).toEqual({ webmention: null, pingback: null });
  });

  it("finds exact links, the words around them, and the page title", () => {
    const html = `<html><head><title>A &amp; B</title><base href="https://s.example/dir/"></head><body><p>Before the link text, ${"w ".repeat(80)}see <a href="../target/">this <em>great</em> post</a> after words.</p><img src="pic.png"></body></html>`;
    const scan = scanHtml(html, "https://s.example/dir/page");
    expect(scan.title).toBe("A & B");
    expect(linksTo(scan, "https://s.example/target/")).toBe(true);
    expect(linksTo(scan, "https://s.example/target/#frag")).toBe(true);
    expect(linksTo(scan, "https://s.example/target")).toBe(false);
    expect(linksTo(scan, "https://s.example/dir/pic.png")).toBe(true);
    const ctx = contextExcerpt(html, "https://s.example/dir/page", "https://s.example/target/");
    expect(ctx.startsWith("[…] ")).toBe(true);
    expect(ctx).toContain("see this great post after words. […]");
    expect(ctx).not.toContain("Before the link");
  });

  it("lists the links worth pinging: absolute, no bare domain roots, no duplicates", () => {
    expect(externalLinks('<a href="https://a.example/">root</a><a href="https://a.example/p#x">p</a><a href="https://a.example/p">again</a><a href="/local/">l</a><a href="mailto:x@y">m</a>', "https://me.example/post/")).toEqual([
      "https://a.example/p",
      "https://me.example/local/",
    ]);
  });

  it("escapes -- in the TrackBack RDF so the HTML comment stays one comment", () => {
    const rdf = trackbackRdf("https://me.example/p/", 'Title -- with "dashes" --> end', "https://me.example/p/trackback/");
    expect(rdf.startsWith("<!--")).toBe(true);
    expect(rdf.endsWith("-->")).toBe(true);
    expect(rdf.slice(4, -3)).not.toContain("--");
    expect(rdf).toContain('dc:title="Title &#x2d;&#x2d; with &quot;dashes&quot; &#x2d;&#x2d;&gt; end"');
    expect(rdf).toContain('trackback:ping="https://me.example/p/trackback/"');
  });
});

describe("microformats2 h-entry", () => {
  it("takes author name, url and photo and plain-text content", () => {
    const html = `<article class="h-entry"><span class="p-author h-card"><img class="u-photo" src="/me.jpg" alt=""><a class="p-name u-url" href="https://alice.example/">Alice</a></span>
      <div class="e-content">Loved <a href="https://me.example/p/">your post</a> &amp; <script>bad()</script>more</div></article>`;
    const e = parseHEntry(html, "https://alice.example/notes/1");
    expect(e).toMatchObject({ authorName: "Alice", authorUrl: "https://alice.example/", authorPhoto: "https://alice.example/me.jpg" });
    expect(e!.content).toContain("Loved your post &");
    expect(e!.content).not.toContain("<");
    expect(parseHEntry("<p>no entry</p>", "https://x.example/")).toBeNull();
  });
});

describe("text helpers", () => {
  it("decodes entities once and drops tags", () => {
    expect(htmlToText("&amp;lt; &#8220;x&#8221; <b>y</b>")).toBe("&lt; “x” y");
    expect(truncate("😀😀😀", 2)).toBe("😀…");
  });
});
