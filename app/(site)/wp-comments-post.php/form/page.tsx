// The active theme's page around the no-JavaScript comment form (lib/site/comment-shell.ts): only
// the server's own render of it answers; anyone else gets the theme's 404.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { COMMENT_FORM_MARKER } from "@/lib/site/comment-shell";
import { renderToken, RENDER_HEADER } from "@/lib/site/self-render";

export const metadata: Metadata = { title: "Leave a Reply", robots: { index: false, follow: false } };

export default async function CommentFormShell() {
  if ((await headers()).get(RENDER_HEADER) !== renderToken()) notFound();
  return <div className="comment-form-page" dangerouslySetInnerHTML={{ __html: COMMENT_FORM_MARKER }} />;
}
