// Trusted, already-sanitized HTML in an element: a post's content, the comment thread, a widget.
// Big HTML goes out as a marker that the server fills in (lib/site/html-splice.ts), so the page's
// RSC payload does not carry it a second time.
import type { HTMLAttributes } from "react";
import { spliced } from "@/lib/site/html-splice";

type Props = { as?: "div" | "section" | "ol" | "p"; html: string } & Omit<HTMLAttributes<HTMLElement>, "dangerouslySetInnerHTML" | "children">;

export function RawHtml({ as: Tag = "div", html, ...rest }: Props) {
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: spliced(html) }} />;
}
