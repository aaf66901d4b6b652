// Hostile input the other areas' tests do not already cover: external entities in XML-RPC and
// WXR, entity bombs in a webmention's source page, and catastrophic backtracking in the regular
// expressions applied to visitor input.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseMethodCall } from "@/lib/linkbacks/xmlrpc";
import { parseWxrString } from "@/lib/wxr/parse";
import { contextExcerpt, mentionContent, parseHEntry, scanHtml } from "@/lib/linkbacks/html";
import { htmlToText } from "@/lib/linkbacks/text";

const XXE_FILE = '<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>';
const BILLION_LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
  "]>";

describe("XML with entities", () => {
  it("XML-RPC refuses an external entity and a billion laughs, without reading the file", () => {
    for (const doctype of [XXE_FILE, BILLION_LAUGHS]) {
      const entity = doctype === XXE_FILE ? "&x;" : "&lol9;";
      const call = `<?xml version="1.0"?>${doctype}<methodCall><methodName>pingback.ping</methodName><params><param><value><string>${entity}</string></value></param></params></methodCall>`;
      let thrown: unknown;
      try {
        parseMethodCall(call);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeDefined();
      expect(String((thrown as Error).message)).not.toContain("root:");
    }
  });

  it("WXR import refuses an external entity and a billion laughs", async () => {
    for (const doctype of [XXE_FILE.replace("m [", "rss ["), BILLION_LAUGHS.replace("lolz", "rss")]) {
      const xml = `<?xml version="1.0"?>${doctype}<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&x;&lol9;</title></item></channel></rss>`;
      await expect(parseWxrString(xml, {})).rejects.toThrow(/DOCTYPE/);
    }
  });

  it("a webmention source page with an entity bomb or an external entity is read as plain HTML: nothing expands", () => {
    const page = `<!doctype html>${BILLION_LAUGHS}${XXE_FILE}<html><body><div class="h-entry"><p class="p-author h-card">Mallory</p><div class="e-content">&lol9; &x; <a href="http://blog.test/post/">my post</a></div></div></body></html>`;
    const scan = scanHtml(page, "http://evil.test/");
    expect(scan.links.map((l) => l.url)).toContain("http://blog.test/post/");
    const entry = parseHEntry(page, "http://evil.test/");
    const text = [JSON.stringify(entry), JSON.stringify(scan), contextExcerpt(page, "http://evil.test/", "http://blog.test/post/"), htmlToText(page), mentionContent(htmlToText(page))].join("\n");
    expect(text).not.toContain("lollol");
    expect(text).not.toContain("root:");
    expect(text.length).toBeLessThan(20_000);
  });
});

describe("regular expressions on visitor input", () => {
  it("every one finishes on 100,000-character adversarial strings (in a child process with a time limit)", () => {
    const run = spawnSync("node_modules/.bin/tsx", ["tests/unit/security/redos.run.ts"], { encoding: "utf8", timeout: 120_000 });
    expect(run.error, "the run was killed: something backtracks catastrophically").toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { name?: string; worstMs?: number; worstInput?: string; done?: boolean; cases?: number });
    const summary = lines.at(-1)!;
    expect(summary.done).toBe(true);
    const cases = lines.slice(0, -1);
    expect(cases).toHaveLength(summary.cases!);
    // Linear code needs well under a second here; the quadratic regexes this test caught took
    // 6–18 s. The bound is wide so a busy machine does not make it flaky.
    const slow = cases.filter((c) => c.worstMs! > 4_000);
    expect(slow).toEqual([]);
  }, 150_000);
});

describe("removeBlocks (the linear replacement for the backtracking regexes)", () => {
  it("removes comments and the named elements, and an unclosed one to the end, as a browser would", async () => {
    const { removeBlocks } = await import("@/lib/content/strip");
    expect(removeBlocks("a<!-- x -->b<script>s()</script>c<STYLE type=x>p{}</Style>d<pre>k</pre>e", ["script", "style"], "|")).toBe("a|b|c|d<pre>k</pre>e");
    expect(removeBlocks("a<pre>\n\nx</pre>b<!--c-->", ["pre"], "", false)).toBe("ab<!--c-->");
    expect(removeBlocks("a<script>never closed", ["script"], "")).toBe("a");
    expect(removeBlocks("a<!-- never closed", [], "")).toBe("a");
    expect(removeBlocks("<scripts>kept</scripts>", ["script"], "")).toBe("<scripts>kept</scripts>");
  });
});
