import { beforeAll, describe, expect, it } from "vitest";
import { makePost, makeUser } from "../support/factories";
import { searchPosts } from "@/db/queries/search";
import { highlightSnippet, markedSnippet, toFtsQuery } from "@/lib/site/search-query";
import { databaseEngine } from "@/db";

beforeAll(async () => {
  const u = await makeUser("author");
  await makePost(u.id, { title: "Tea ceremony", slug: "tea", content: "<p>Green leaves and hot water.</p>", date: "2025-01-01 00:00:00", dateGmt: "2025-01-01 00:00:00" });
  await makePost(u.id, { title: "Travel notes", slug: "travel", content: "<p>We drank tea in Kyoto. Café au lait later.</p>", date: "2025-01-02 00:00:00", dateGmt: "2025-01-02 00:00:00" });
  await makePost(u.id, { title: "Hidden tea", slug: "hidden", status: "draft", content: "<p>tea</p>" });
  await makePost(u.id, { title: "Locked tea", slug: "locked", password: "pw", content: "<p>tea</p>" });
});

describe("search input", () => {
  const nasty = [
    '"', '""', "'", "tea\"", "AND", "OR", "NOT", "tea AND", "NEAR(tea green)", "title:tea", "tea*", "*", "^tea", "(tea", "tea)",
    "-tea", "+tea", "tea OR", "{title}: tea", "\\", "%", "_", "; DROP TABLE posts;--", "<script>alert(1)</script>", "🍵", "tea\u0000",
    "a".repeat(5000), "   ", "", "naïve café", "日本語",
    // 10,000 characters: one long word, and quotes, operators and symbols of both engines' syntaxes.
    "a".repeat(10_000), 'tea "AND" (OR) NOT* :^ -café & | ! <-> \'x\':* \\ $1 ?; '.repeat(400).slice(0, 10_000),
  ];
  it.each(nasty)("never errors on %j", async (input) => {
    await expect(searchPosts(toFtsQuery(input), 1, 10)).resolves.toMatchObject({ total: expect.any(Number) });
  });

  it("quotes each word, so operators are plain words", () => {
    expect(toFtsQuery('tea AND "green" OR')).toBe('"tea" "AND" "green" "OR"*');
    expect(toFtsQuery("!!!")).toBe("");
  });

  it("ranks a title match above a body match, and finds only public posts", async () => {
    const { items, total } = await searchPosts(toFtsQuery("tea"), 1, 10);
    expect(items.map((p) => p.title)).toEqual(["Tea ceremony", "Travel notes"]);
    expect(total).toBe(2);
  });

  it("matches without accents and by prefix", async () => {
    expect((await searchPosts(toFtsQuery("cafe"), 1, 10)).items.map((p) => p.title)).toEqual(["Travel notes"]);
    expect((await searchPosts(toFtsQuery("cere"), 1, 10)).items.map((p) => p.title)).toEqual(["Tea ceremony"]);
  });

  it.runIf(databaseEngine() === "postgres")("gives each result PostgreSQL's own highlighted snippet, escaped", async () => {
    const u = await makeUser("author");
    await makePost(u.id, { title: "Kettle", slug: "kettle", content: "<p>The kettle &amp; the &lt;script&gt;alert(1)&lt;/script&gt; boiled for oolong.</p>" });
    const { items } = await searchPosts(toFtsQuery("oolong"), 1, 10);
    const html = markedSnippet((items[0] as { snippet?: string }).snippet ?? "");
    expect(html).toContain("<mark>oolong</mark>");
    expect(html).toContain("&amp; the &lt;script&gt;");
    expect(html).not.toMatch(/<script/);
  });

  it("pages results", async () => {
    expect((await searchPosts(toFtsQuery("tea"), 2, 1)).items.map((p) => p.title)).toEqual(["Travel notes"]);
  });

  it("highlights the words in an escaped snippet", () => {
    const s = highlightSnippet("<p>We drank <b>tea</b> &amp; <script>x</script> ok</p>", "tea <x>");
    expect(s).toContain("<mark>tea</mark>");
    expect(s).not.toContain("<b>");
    expect(s).not.toContain("<script>");
  });
});
