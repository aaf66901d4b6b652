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

const OPEN = Buffer.from("<!--ink:");
const CLOSE = Buffer.from("-->");
const ID = /^[0-9a-f-]{36}$/;
const EMPTY = Buffer.alloc(0);

/**
 * The marker that starts at `at` in `buf`: its end and the fragment it names, or `partial` when the
 * bytes so far could still become one (only at the end of what has arrived), or nothing.
 */
function markerAt(buf, at, store) {
  const idStart = at + OPEN.length;
  const colon = idStart + 36;
  if (buf.length <= colon) return buf.indexOf(0x3e, idStart) === -1 ? { partial: true } : undefined;
  const id = buf.latin1Slice(idStart, colon);
  if (!ID.test(id) || buf[colon] !== 0x3a) return undefined;
  let n = colon + 1;
  while (n < buf.length && n - colon <= 6 && buf[n] >= 0x30 && buf[n] <= 0x39) n++;
  const digits = n - colon - 1;
  if (n + CLOSE.length > buf.length) return digits <= 6 && buf.indexOf(0x3e, n) === -1 ? { partial: true } : undefined;
  if (digits < 1 || digits > 6 || buf[n] !== 0x2d || buf[n + 1] !== 0x2d || buf[n + 2] !== 0x3e) return undefined;
  return { end: n + CLOSE.length, fragment: id === store.id ? (store.fragments[Number(buf.latin1Slice(colon + 1, n))] ?? "") : undefined };
}

/**
 * Swaps the markers in `buf` for their fragments, working on the bytes: the HTML around the markers
 * is never decoded and encoded again (a chunk without a marker goes out as it came). Returns what
 * can be written now and what must wait for the next chunk (a marker cut in two by the stream).
 */
export function spliceBytes(buf, store, final) {
  /** @type {Buffer[]} */
  const parts = [];
  let from = 0;
  let carry = EMPTY;
  for (let at = buf.indexOf(OPEN); at !== -1; at = buf.indexOf(OPEN, at + 1)) {
    const m = markerAt(buf, at, store);
    if (m?.partial) {
      if (!final) carry = buf.subarray(at);
      break;
    }
    if (!m || m.fragment === undefined) continue;
    parts.push(buf.subarray(from, at), Buffer.from(m.fragment, "utf8"));
    from = at = m.end;
    at--;
  }
  let end = carry.length ? buf.length - carry.length : buf.length;
  if (!final && !carry.length) {
    // The start of a marker cut before its "<!--ink:" was whole: hold back a "<" near the end whose
    // bytes so far begin a marker.
    const lt = buf.lastIndexOf(0x3c);
    if (lt >= from && buf.length - lt < OPEN.length && OPEN.subarray(0, buf.length - lt).equals(buf.subarray(lt))) {
      carry = buf.subarray(lt);
      end = lt;
    }
  }
  if (!parts.length) return { out: from === 0 && end === buf.length ? buf : buf.subarray(from, end), carry };
  parts.push(buf.subarray(from, end));
  return { out: Buffer.concat(parts), carry };
}

const asBytes = (chunk, encoding) =>
  chunk == null ? EMPTY : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** Makes `res` write HTML with its markers replaced (other content types pass untouched). */
export function spliceResponse(res, store) {
  const write = res.write;
  const end = res.end;
  let isHtml;
  let started = false;
  let carry = EMPTY;
  const html = () => (isHtml ??= /^text\/html\b/i.test(String(res.getHeader("content-type") ?? "")));
  const next = (chunk, encoding, final) => {
    started = true;
    const bytes = asBytes(chunk, encoding);
    const r = spliceBytes(carry.length ? Buffer.concat([carry, bytes]) : bytes, store, final);
    carry = r.carry;
    // The length changes: the response goes out chunked.
    if (!res.headersSent) res.removeHeader("content-length");
    return r.out;
  };
  res.write = function (chunk, encoding, cb) {
    if (!html()) return write.apply(this, arguments);
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    return write.call(this, next(chunk, encoding, false), cb);
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
    if (typeof encoding === "function") [cb, encoding] = [encoding, undefined];
    if (!html() || (chunk == null && !started)) return end.call(this, chunk, encoding, cb);
    return end.call(this, next(chunk, encoding, true), cb);
  };
}
