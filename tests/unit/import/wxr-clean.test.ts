import { describe, it, expect } from "vitest";
import { WxrCleaner } from "@/lib/wxr/clean";

function cleanAll(chunks: string[]) {
  const c = new WxrCleaner();
  return chunks.map((ch) => c.push(ch)).join("") + c.flush();
}

const sample =
  "<a>Tom & Jerry &amp; &#169; &#xA9; &nbsp; &lt;b&gt; a&b</a><![CDATA[keep & this &nbsp; ]] > ]]]]><![CDATA[>]]>\u0001<b x=\"1 & 2\">\u000Bend&</b>";
const expected =
  "<a>Tom &amp; Jerry &amp; &#169; &#xA9; &amp;nbsp; &lt;b&gt; a&amp;b</a><![CDATA[keep & this &nbsp; ]] > ]]]]><![CDATA[>]]><b x=\"1 &amp; 2\">end&amp;</b>";

describe("WXR cleaner", () => {
  it("escapes bare & outside CDATA, keeps CDATA and XML entities, drops control characters", () => {
    expect(cleanAll([sample])).toBe(expected);
  });

  it("gives the same result whatever the chunk boundaries", () => {
    for (let size = 1; size <= 12; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < sample.length; i += size) chunks.push(sample.slice(i, i + size));
      expect(cleanAll(chunks)).toBe(expected);
    }
  });

  it("is linear on large input", () => {
    const big = "<item><![CDATA[" + "x & y ".repeat(200_000) + "]]></item>" + "<p>a &amp; b</p>\n".repeat(100_000);
    const t = Date.now();
    const out = cleanAll(big.match(/[\s\S]{1,65536}/g)!);
    expect(out.length).toBe(big.length);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
