// A post's content as a theme shows it: the sanitized HTML, and the layout rules WordPress would
// generate for its blocks at render time (lib/content/block-layout.ts), in a <style> beside it, as
// WordPress prints its block-supports styles in a classic theme's page. The rules are built from
// checked values only; a "<" could never be in them, and is dropped if it were.
import { RawHtml } from "./raw-html";
import type { PostView } from "@/lib/content/views";

export function PostContent({ post, className }: { post: Pick<PostView, "contentHtml" | "blockCss">; className: string }) {
  return (
    <>
      <RawHtml className={className} html={post.contentHtml} />
      {post.blockCss ? <style data-block-layout="" dangerouslySetInnerHTML={{ __html: post.blockCss.replace(/</g, "") }} /> : null}
    </>
  );
}

/** A post's title in its heading or link: its inline markup shown (titleHtml is sanitized), "(no title)" when empty. */
export function PostTitle({ post, as: Tag, ...rest }: { post: Pick<PostView, "title" | "titleHtml">; as: "a" | "h1" | "h2"; href?: string; id?: string; className?: string }) {
  return post.titleHtml ? <Tag {...rest} dangerouslySetInnerHTML={{ __html: post.titleHtml }} /> : <Tag {...rest}>{post.title || "(no title)"}</Tag>;
}
