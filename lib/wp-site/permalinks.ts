// WordPress's REST API does not publish the permalink structure, but every post's `link` was
// made from it: rebuild the structure from one post's link and check it against the others.
import type { RestPost } from "./schemas";

interface Sample {
  path: string;
  post: Pick<RestPost, "id" | "slug" | "date">;
}

function tokensOf(post: Sample["post"]): [string, string][] {
  const [y, mo, d] = post.date.slice(0, 10).split("-");
  const [h, mi, s] = post.date.slice(11, 19).split(":");
  let slug = post.slug;
  try {
    slug = decodeURIComponent(post.slug);
  } catch {
    // Keep it as sent.
  }
  // Longest and most specific first: a slug is matched before a bare number could be a year.
  return [
    ["%postname%", slug],
    ["%post_id%", String(post.id)],
    ["%year%", y ?? ""],
    ["%monthnum%", mo ?? ""],
    ["%day%", d ?? ""],
    ["%hour%", h ?? ""],
    ["%minute%", mi ?? ""],
    ["%second%", s ?? ""],
  ];
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** The structure one post's path was built from ("/%year%/%monthnum%/%postname%/"), if it can tell. */
function structureOf(sample: Sample): string | null {
  const tokens = tokensOf(sample.post);
  const segments = decodePath(sample.path).split("/");
  const used = new Set<string>();
  const out = segments.map((seg) => {
    if (!seg) return seg;
    const hit = tokens.find(([tok, value]) => value && seg === value && !used.has(tok));
    if (!hit) return seg;
    used.add(hit[0]);
    return hit[0];
  });
  if (!used.has("%postname%") && !used.has("%post_id%")) return null;
  return out.join("/");
}

const build = (structure: string, post: Sample["post"]) => tokensOf(post).reduce((s, [tok, value]) => s.split(tok).join(value), structure);

/**
 * The permalink structure of published posts' links under `home` ("" for plain ?p= links), or
 * null when the links do not follow one structure Inkwell can rebuild.
 */
export function inferPermalinkStructure(home: string, posts: RestPost[]): string | null {
  const base = new URL(home.endsWith("/") ? home : `${home}/`);
  const samples: Sample[] = [];
  for (const post of posts) {
    if (post.type !== "post" || post.status !== "publish" || !post.link || !post.slug) continue;
    let link: URL;
    try {
      link = new URL(post.link);
    } catch {
      continue;
    }
    if (link.origin !== base.origin || !link.pathname.startsWith(base.pathname)) continue;
    if (/^\?p=\d+$/.test(link.search)) {
      samples.push({ path: "", post });
      continue;
    }
    samples.push({ path: `/${link.pathname.slice(base.pathname.length)}`, post });
  }
  if (!samples.length) return null;
  if (samples.every((s) => s.path === "")) return "";
  const structure = structureOf(samples[0]!);
  if (!structure) return null;
  return samples.every((s) => decodePath(s.path) === build(structure, s.post)) ? structure : null;
}
