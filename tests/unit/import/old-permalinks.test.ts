// After the move, an imported post answers at the address it had on WordPress: one 301 to its
// Inkwell permalink, even under a structure Inkwell does not offer.
import { describe, it, expect } from "vitest";
import { makeUser } from "../support/factories";
import { importWxr } from "@/db/queries/wxr-import";
import { resolveSegments } from "@/lib/site/resolve-path";

const wxr = `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login>moved</wp:author_login><wp:author_email>moved@example.com</wp:author_email></wp:author>
  <item><title>Gardening notes</title><link>https://old.example/news/gardening-notes/</link><dc:creator>moved</dc:creator>
    <content:encoded><![CDATA[<p>Tomatoes.</p>]]></content:encoded><wp:post_id>4242</wp:post_id><wp:post_date>2019-05-04 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-04 10:00:00</wp:post_date_gmt>
    <wp:post_name>gardening-notes</wp:post_name><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>
  <item><title>Still a draft</title><link>https://old.example/news/still-a-draft/</link><dc:creator>moved</dc:creator>
    <wp:post_id>4243</wp:post_id><wp:post_date>2019-05-05 10:00:00</wp:post_date><wp:post_date_gmt>2019-05-05 10:00:00</wp:post_date_gmt>
    <wp:post_name>still-a-draft</wp:post_name><wp:post_type>post</wp:post_type><wp:status>draft</wp:status></item>
</channel></rss>`;

describe("old permalinks of imported posts", () => {
  it("301 to the current permalink, and never reveal a draft", async () => {
    const admin = await makeUser("administrator");
    await importWxr([wxr], { fallbackAuthorId: admin.id });
    expect(await resolveSegments(["news", "gardening-notes"])).toEqual({ kind: "redirect", to: "/2019/05/04/gardening-notes/" });
    expect(await resolveSegments(["news", "still-a-draft"])).toBeNull();
    expect(await resolveSegments(["news", "no-such-post"])).toBeNull();
  });
});
