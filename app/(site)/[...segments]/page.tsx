// Every other public URL: posts under the current permalink structure, pages at /parent/child/,
// archives (/category/…, /tag/…, /author/…, /YYYY/MM/DD/), /search/term/ and /page/N/.
import type { Metadata } from "next";
import { RouteView } from "@/app/(site)/_components/route-view";
import { cache } from "react";
import { resolveSegments } from "@/lib/site/resolve-path";
import { routeMetadata } from "@/lib/site/seo";
import { currentReader } from "@/lib/session";
import { postPassNotice } from "@/lib/content/post-pass";

// The metadata and the page resolve the same URL for the same reader: once per request, so a
// post the reader may not see gives neither its page nor its <title>.
// (React's cache compares arguments by identity: the key is the URL's segments and search as JSON.)
const resolveKey = cache(async (key: string) => {
  const [segments, s] = JSON.parse(key) as [string[], string | undefined];
  return await resolveSegments(segments, { s }, await currentReader());
});
const resolve = (segments: string[], s: string | undefined) => resolveKey(JSON.stringify([segments, s]));

type Props = {
  params: Promise<{ segments: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ segments }, q] = await Promise.all([params, searchParams]);
  return await routeMetadata(await resolve(segments, typeof q.s === "string" ? q.s : undefined));
}

export default async function SitePage({ params, searchParams }: Props) {
  const [{ segments }, q] = await Promise.all([params, searchParams]);
  const route = await resolve(segments, typeof q.s === "string" ? q.s : undefined);
  // WordPress's ?cpage=N: which comment page to show when comment pages are on.
  const commentPage = Number(q.cpage) || undefined;
  return <RouteView route={route} passwordNotice={postPassNotice(q["wrong-password"])} commentPage={commentPage} />;
}
