import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { publishDuePosts } from "@/lib/site/reads";
import { PostList } from "@/app/admin/posts/_components/post-list";

export const metadata: Metadata = { title: "Posts" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PostsPage({ searchParams }: Props) {
  const user = await requireCapability("edit_posts");
  await publishDuePosts();
  const raw = await searchParams;
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return <PostList user={user} type="post" params={params} />;
}
