import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { EditorScreen } from "@/app/admin/posts/_components/editor-screen";

export const metadata: Metadata = { title: "Add New Post" };

export default async function NewPage({ searchParams }: { searchParams: Promise<{ in_reply_to?: string }> }) {
  const user = await requireCapability("edit_posts");
  // The Reader's Reply: a new post in reply to a fediverse post (checked again when it is saved).
  const replyTo = (await searchParams).in_reply_to;
  const inReplyTo = typeof replyTo === "string" && /^https?:\/\//i.test(replyTo) ? replyTo.slice(0, 2000) : undefined;
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold">Add New Post</h1>
      <EditorScreen user={user} type="post" inReplyTo={inReplyTo} />
    </>
  );
}
