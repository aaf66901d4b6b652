// The component side of server/html-splice.mjs: a marker in place of big HTML, filled in as the
// page is written. Outside a plain page load (RSC data, tests, scripts) the HTML itself.
import { wing } from "@/server/wing";

/** Below this size a marker saves too little to be worth a fragment. */
export const SPLICE_MIN_CHARS = 512;

/** `html`, or a marker that the server swaps for it in the response. */
export function spliced(html: string): string {
  if (html.length < SPLICE_MIN_CHARS) return html;
  const store = wing().server?.splice.getStore();
  if (!store) return html;
  return `<!--ink:${store.id}:${store.fragments.push(html) - 1}-->`;
}
