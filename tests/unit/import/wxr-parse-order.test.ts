// The WXR reader keeps an element's text and CDATA sections in the order the file has them.
import { describe, expect, it } from "vitest";
import { parseWxrString } from "@/lib/wxr/parse";
import type { WxrItem } from "@/lib/wxr/types";

const wxr = (title: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>${title}</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>
<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item>
</channel></rss>`;

async function titleOf(title: string): Promise<string> {
  const items: WxrItem[] = [];
  await parseWxrString(wxr(title), { item: (i) => items.push(i) });
  return items[0]!.title;
}

describe("text around CDATA sections", () => {
  it("reads text after a CDATA section after it, not before", async () => {
    expect(await titleOf("<![CDATA[A]]> B")).toBe("A B");
    expect(await titleOf("A <![CDATA[B]]> C")).toBe("A B C");
    expect(await titleOf("<![CDATA[One]]><![CDATA[ two]]>")).toBe("One two");
  });
  it("drops only the layout between sections, as before", async () => {
    expect(await titleOf("\n  <![CDATA[Kept]]>\n  ")).toBe("Kept");
    expect(await titleOf("Plain &amp; simple")).toBe("Plain & simple");
  });
});
