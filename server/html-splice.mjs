// Big, already-escaped HTML (a post's content, the comment thread, sidebar widgets) reaches the
// reader's page without travelling through React twice. A server component puts a short marker
// where the HTML goes (lib/site/html-splice.ts); this layer, around Next, swaps each marker for its
// HTML as the page is written. React's inline copy of the page (the RSC payload the browser
// hydrates from) then carries the marker instead of a second copy of the HTML: a post with 100
// comments went from 316 KB to about half, and every render does less escaping.
//
// Hydration keeps what the server wrote: React does not compare the inner HTML of an element
// with dangerouslySetInnerHTML when it hydrates. Requests for RSC data (client navigations,
// router.refresh()) get no store, so their components put the HTML itself in the payload.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { StringDecoder } from "node:string_decoder";

/** The store of the request being rendered; components reach it through the server's interface (server/wing.ts). */
export const spliceStorage = new AsyncLocalStorage();

/** A request's fragments, under an id nobody can guess: content cannot name another's marker. */
export function newSpliceStore() {
  return { id: randomUUID(), fragments: [] };
}

/** Does this request get spliced HTML? Plain page loads only: never RSC data. */
export function wantsSplice(req) {
  return (req.method === "GET" || req.method === "HEAD") && !req.headers.rsc && !req.headers["next-router-prefetch"] && !/[?&]_rsc=/.test(req.url || "");
}

const MARKER = /<!--ink:([0-9a-f-]{36}):(\d{1,6})-->/g;
const OPEN = "<!--ink:";
const MAX_MARKER = OPEN.length + 36 + 1 + 6 + 3;

/**
 * Swaps the markers in `text` for their fragments; returns what can be written now and what must
 * wait for the next chunk (a marker cut in two by the stream).
 */
export function spliceText(text, store, final) {
  const out = text.replace(MARKER, (m, id, n) => (id === store.id ? (store.fragments[Number(n)] ?? "") : m));
  if (final) return { out, carry: "" };
  const lt = out.lastIndexOf("<");
  if (lt === -1 || out.length - lt >= MAX_MARKER) return { out, carry: "" };
  const tail = out.slice(lt);
  const partial = !tail.includes(">") && (OPEN.startsWith(tail) || tail.startsWith(OPEN));
  return partial ? { out: out.slice(0, lt), carry: tail } : { out, carry: "" };
}

/** Makes `res` write HTML with its markers replaced (other content types pass untouched). */
export function spliceResponse(res, store) {
  const write = res.write;
  const end = res.end;
  let isHtml;
  let decoder;
  let carry = "";
  const html = () => (isHtml ??= /^text\/html\b/i.test(String(res.getHeader("content-type") ?? "")));
  const next = (chunk, encoding, final) => {
    decoder ??= new StringDecoder("utf8");
    const text = chunk == null ? "" : typeof chunk === "string" ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    const r = spliceText(carry + text + (final ? decoder.end() : ""), store, final);
    carry = r.carry;
    // The length changes: the response goes out chunked.
    if (!res.headersSent) res.removeHeader("content-length");
    return r.out;
  };
  res.write = function (chunk, encoding, cb) {
    if (!html()) return write.apply(this, arguments);
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    return write.call(this, next(chunk, encoding, false), "utf8", cb);
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (!html() || (chunk == null && !decoder)) return end.call(this, chunk, encoding, cb);
    return end.call(this, next(chunk, encoding, true), "utf8", cb);
  };
}
