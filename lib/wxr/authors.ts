// The authors a read export names, as the import form lists them: those the file declares
// (<wp:author>), then any post's creator it does not declare, each with its count of posts and pages.
import type { WxrAuthor, WxrItem } from "./types";

/** An author named in the file, to be mapped to an existing user or created. */
export interface FileAuthor {
  login: string;
  displayName: string;
  posts: number;
}

export function authorsOfWxr(parsed: { authors: WxrAuthor[]; items: WxrItem[] }): FileAuthor[] {
  const posts = new Map<string, number>();
  for (const item of parsed.items) {
    if (item.creator && (item.postType === "post" || item.postType === "page")) posts.set(item.creator.toLowerCase(), (posts.get(item.creator.toLowerCase()) ?? 0) + 1);
  }
  const out = new Map<string, FileAuthor>();
  for (const a of parsed.authors) out.set(a.login.toLowerCase(), { login: a.login, displayName: a.displayName || a.login, posts: posts.get(a.login.toLowerCase()) ?? 0 });
  for (const item of parsed.items) {
    const key = item.creator.toLowerCase();
    if (item.creator && !out.has(key) && posts.has(key)) out.set(key, { login: item.creator, displayName: item.creator, posts: posts.get(key)! });
  }
  return [...out.values()];
}

/** The addresses of the file's attachments (what the media download fetches after the write). */
export function attachmentUrlsOfWxr(parsed: { items: WxrItem[] }): string[] {
  return parsed.items.filter((i) => i.postType === "attachment").map((i) => i.attachmentUrl || i.guid);
}
