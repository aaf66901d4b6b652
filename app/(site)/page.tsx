// The site root: the home page, and WordPress's query-string URLs (/?s=, /?p= under plain
// permalinks, /?paged=). The reader routing has already answered the ones that 301 to a pretty URL.
import type { Metadata } from "next";
import { RouteView } from "@/app/(site)/_components/route-view";
import { resolveQuery } from "@/lib/site/resolve-path";
import { routeMetadata } from "@/lib/site/seo";
import { currentReader } from "@/lib/session";
import { postPassNotice } from "@/lib/content/post-pass";
import { previewId } from "@/lib/site/preview";
import { PreviewView } from "@/app/(site)/_components/preview-view";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = await searchParams;
  if (previewId(q)) return { title: "Preview", robots: { index: false, follow: false } };
  return await routeMetadata(await resolveQuery(q, await currentReader()));
}

export default async function HomePage({ searchParams }: Props) {
  const q = await searchParams;
  const preview = previewId(q);
  if (preview) return <PreviewView id={preview} />;
  return <RouteView route={await resolveQuery(q, await currentReader())} passwordNotice={postPassNotice(q["wrong-password"])} />;
}
