// The no-JavaScript comment pages (the reply form, a refused comment) are answered by the
// comment route handler, which cannot render the theme: a handler has no React tree, and it must
// answer with the refusing rule's status (400, 403, 409, 429), which a page cannot. So the active
// theme renders one empty page (app/(site)/wp-comments-post.php/form/) through the server itself
// (lib/site/self-render.ts), and the handler writes its escaped form into that page's one marker.
// The page is the same for every visitor (all that differs is in the form), so it is kept like a
// cached page: the read cache forgets it on every content change (menus, widgets, theme).
import { cached, syncWithDatabase } from "./cache";
import { origin, renderToken, RENDER_HEADER } from "./self-render";

export const COMMENT_FORM_PATH = "/wp-comments-post.php/form/";
export const COMMENT_FORM_MARKER = "<!--inkwell:comment-form-->";

// Next's scripts and their preloads: the page runs none (its CSP says script-src 'none'), and
// React's inline payload would only repeat the page. The shell is our own rendered HTML, in which
// stored text is escaped, so no "<script" of content can be among what this removes.
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script\s*>|<link\b[^>]*\b(?:as="script"|rel="modulepreload")[^>]*>/gi;

async function render(): Promise<string> {
  const startedAt = await syncWithDatabase();
  const res = await fetch(origin() + COMMENT_FORM_PATH, { headers: { [RENDER_HEADER]: renderToken(), "accept-encoding": "identity" }, redirect: "manual" });
  const html = (await res.text()).replace(SCRIPTS, "");
  if (res.status !== 200 || !html.includes(COMMENT_FORM_MARKER)) throw new Error(`comment form shell: ${res.status}`);
  // Rendered while something was written: good for this answer, not to keep.
  if ((await syncWithDatabase()) !== startedAt) throw Object.assign(new Error("stale"), { html });
  return html;
}

/** The active theme's page around the comment form, or undefined when the server cannot render it. */
export async function commentFormShell(): Promise<string | undefined> {
  try {
    return await cached("comment-form-shell", render);
  } catch (err) {
    return (err as { html?: string }).html;
  }
}

/** `shell` with the form in place of its marker and `title` as its <title>. */
export function fillCommentFormShell(shell: string, title: string, formHtml: string): string {
  const at = shell.indexOf(COMMENT_FORM_MARKER);
  const filled = shell.slice(0, at) + formHtml + shell.slice(at + COMMENT_FORM_MARKER.length);
  return filled.replace(/<title>[^<]*<\/title>/, () => `<title>${title}</title>`);
}
