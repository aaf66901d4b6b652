// The component side of scripts/html-splice.mjs: a marker in place of big HTML, filled in as the
// page is written. Outside a plain page load (RSC data, tests, `next dev`) the HTML itself.
import type { AsyncLocalStorage } from "node:async_hooks";

interface SpliceStore {
  id: string;
  fragments: string[];
}
const g = globalThis as unknown as { __inkwellSplice?: AsyncLocalStorage<SpliceStore> };

/** Below this size a marker saves too little to be worth a fragment. */
export const SPLICE_MIN_CHARS = 512;

/** `html`, or a marker that the server swaps for it in the response. */
export function spliced(html: string): string {
  if (html.length < SPLICE_MIN_CHARS) return html;
  const store = g.__inkwellSplice?.getStore();
  if (!store) return html;
  return `<!--ink:${store.id}:${store.fragments.push(html) - 1}-->`;
}
