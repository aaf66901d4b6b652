// The editor's "In reply to" (a post answering a fediverse post, as WordPress's ActivityPub
// plugin's reply block): saved as post meta through the real save action, shown on the site's
// view, cleared when emptied; an address that is not http(s) is refused under its field.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { Redirect, Forbidden, NotFound, session, asUser, outcome, fd } from "../support/actions";
import { makeUser } from "../support/factories";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => (session.userId ? { user: { id: String(session.userId) } } : null) }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => { throw new Redirect(url); },
  forbidden: () => { throw new Forbidden(); },
  notFound: () => { throw new NotFound(); },
}));

const actions = await import("@/app/admin/posts/actions");
const { getPostInReplyTo } = await import("@/db/queries/post-editor");
const { getPostById } = await import("@/db/queries/posts");
const { inReplyToFor } = await import("@/lib/federation/reactions");
const { initialFormState } = await import("@/lib/form-state");
type FormState = import("@/lib/form-state").FormState;

let editor: { id: number };
beforeAll(async () => {
  editor = await makeUser("editor");
});

async function save(values: Parameters<typeof fd>[0]): Promise<{ id?: number; state?: FormState }> {
  const out = await outcome(() => actions.savePostAction(initialFormState, fd({ type: "post", ...values })));
  if (out.kind === "redirect") return { id: Number(/\/(\d+)\//.exec(out.url)![1]) };
  if (out.kind === "state") return { state: out.value as FormState };
  throw new Error(`unexpected ${out.kind}`);
}

describe("In reply to", () => {
  it("is kept with the post, read by the site, changed and cleared by later saves", async () => {
    asUser(editor.id);
    const target = "https://social.example/@alice/110";
    const { id } = await save({ intent: "publish", title: "My answer", content: "<p>Agreed.</p>", inReplyTo: target });
    expect(await getPostInReplyTo(id!)).toBe(target);
    expect(await inReplyToFor(id!)).toBe(target);
    const version = async () => (await getPostById(id!))!.version;
    await save({ id: id!, version: await version(), intent: "update", title: "My answer", inReplyTo: "https://social.example/@alice/111" });
    expect(await getPostInReplyTo(id!)).toBe("https://social.example/@alice/111");
    await save({ id: id!, version: await version(), intent: "update", title: "My answer", inReplyTo: "" });
    expect(await getPostInReplyTo(id!)).toBeUndefined();
  });

  it("refuses an address that is not http(s), under its field, and saves nothing", async () => {
    asUser(editor.id);
    const { state } = await save({ intent: "publish", title: "Bad reply", inReplyTo: "javascript:alert(1)" });
    expect(state?.status).toBe("error");
    expect(state?.fieldErrors?.inReplyTo?.[0]).toMatch(/address/);
  });
});
