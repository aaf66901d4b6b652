// TrackBack at <permalink>/trackback/: next.config.ts rewrites that address here, keeping the
// permalink's segments, so any permalink structure works.
import { postAtPath } from "@/lib/site/resolve-path";
import { trackbackGet, trackbackPost } from "@/lib/linkbacks/trackback-endpoint";

type Ctx = { params: Promise<{ segments: string[] }> };

export const dynamic = "force-dynamic";

export function GET() {
  return trackbackGet();
}

export async function POST(req: Request, { params }: Ctx) {
  const { segments } = await params;
  return trackbackPost(req, async () => await postAtPath(segments));
}
