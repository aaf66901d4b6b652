// The editor's link search names posts by their titles' text, as the rest of the admin does: an
// imported "Media &amp; Text <em>now</em>" is found as "Media & Text now", not as its markup.
import { describe, expect, it, vi } from "vitest";
import { Redirect, Forbidden, NotFound, session, asUser } from "../support/actions";
import { makePost, makeUser } from "../support/factories";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  forbidden: () => { throw new Forbidden(); },
  notFound: () => { throw new NotFound(); },
}));

const { searchLinkTargetsAction } = await import("@/app/admin/posts/editor-actions");

describe("link search", () => {
  it("gives each post's title as text", async () => {
    const author = await makeUser("author");
    await makePost(author.id, { title: "Media &amp; Text <em>quokka</em>", slug: "media-text-quokka" });
    asUser(author.id);
    const r = await searchLinkTargetsAction({ query: "quokka" });
    expect(r.ok).toBe(true);
    expect(r.ok && r.items.map((i) => i.title)).toEqual(["Media & Text quokka"]);
  });
});
