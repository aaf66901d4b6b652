// A streaming WXR reader over saxes: namespace-aware (an element counts as wp:* only when its
// namespace is the WordPress export namespace the document declares, whatever its prefix), never
// expands entities, refuses DOCTYPE (and with it every entity declaration: no billion laughs).
// Each author, term and item is handed to the caller as soon as it closes, so a file of any size
// is read in constant memory per item.
//
// Hostile shapes are refused before their cost grows: saxes resolves namespaces by walking the
// open-tag stack, so its work per element grows with nesting depth (quadratic in the depth:
// tests/unit/import/wxr-limits.test.ts feeds such files). The input is fed in bounded slices and the parse yields to the event
// loop between them, so a reader's page is answered while a large file is read.
import { SaxesParser, type SaxesTagNS } from "saxes";
import { WxrCleaner } from "./clean";
import {
  WxrError,
  type WxrAuthor,
  type WxrComment,
  type WxrHandlers,
  type WxrItem,
  type WxrMeta,
  type WxrSite,
  type WxrTerm,
} from "./types";

export const WP_NS_RE = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;
const EXCERPT_NS_RE = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/excerpt\/$/;
const CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
const DC_NS = "http://purl.org/dc/elements/1.1/";

type Kind = "rss" | "wp" | "content" | "excerpt" | "dc" | "other";

interface Frame {
  kind: Kind;
  local: string;
  attrs: Record<string, string>;
  /** Text and CDATA sections in document order (CDATA marked). */
  text: string[];
  cdata: boolean[];
  sawCdata: boolean;
}

const emptyItem = (): WxrItem => ({
  title: "", link: "", pubDate: "", creator: "", guid: "", description: "", content: "", excerpt: "",
  postId: 0, postDate: "", postDateGmt: "", postModified: "", postModifiedGmt: "", commentStatus: "",
  pingStatus: "", postName: "", status: "", postParent: 0, menuOrder: 0, postType: "", postPassword: "",
  isSticky: false, attachmentUrl: "", terms: [], meta: [], comments: [],
});
const emptyComment = (): WxrComment => ({
  id: 0, author: "", authorEmail: "", authorUrl: "", authorIp: "", date: "", dateGmt: "", content: "",
  approved: "1", type: "", parent: 0, userId: 0, meta: [],
});
const emptyTerm = (taxonomy: string): WxrTerm => ({ id: 0, taxonomy, slug: "", name: "", parentSlug: "", description: "", meta: [] });
const emptyAuthor = (): WxrAuthor => ({ id: 0, login: "", email: "", displayName: "", firstName: "", lastName: "" });

/**
 * How far a file may go. A real export nests at most 6 deep (rss > channel > item > wp:comment >
 * wp:commentmeta > wp:meta_value); 64 leaves room for plugins' extra wrappers while keeping the
 * namespace walk cheap. <rss> declares about a dozen namespaces and no other WXR element has more
 * than two attributes; names are short, and the longest attribute value is a percent-encoded slug
 * (WordPress caps slugs at 200 bytes, so 600 encoded).
 */
export const WXR_LIMITS = {
  depth: 64,
  attributesPerElement: 64,
  attributeBytesPerElement: 64 * 1024,
  nameLength: 256,
  attributeValueLength: 16 * 1024,
} as const;

/** Characters handed to saxes at once, and how long the parse may hold the event loop before yielding. */
const SLICE_CHARS = 64 * 1024;
const YIELD_AFTER_MS = 10;

const int = (s: string) => {
  const n = Number.parseInt(s.trim(), 10);
  return Number.isFinite(n) ? n : 0;
};

/**
 * A copy of a string that does not point into the parser's input chunk. V8 keeps substrings as
 * views of the string they came from, so one retained field would keep its whole (megabyte) chunk
 * of the file alive; flattening a fresh concatenation copies just the field.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

/** The text of an element: its CDATA sections and any text that is not just layout, in document order. */
function frameText(f: Frame): string {
  if (!f.sawCdata) return detach(f.text.join(""));
  return detach(f.text.filter((t, i) => f.cdata[i] || t.trim() !== "").join(""));
}

export interface ParseOptions {
  /** Called with the number of bytes consumed so far (for progress bars). */
  onBytes?(bytes: number): void;
}

/**
 * Reads WXR from a stream of bytes (a file stream, a web stream, or an array of Buffers) and calls
 * the handlers as each part closes. Resolves with the site header; rejects with WxrError naming
 * the line and column where the file stopped being readable.
 */
export async function parseWxr(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, handlers: WxrHandlers, opts: ParseOptions = {}): Promise<WxrSite> {
  const reader = new WxrReader(handlers);
  const decoder = new TextDecoder("utf-8");
  const cleaner = new WxrCleaner();
  let bytes = 0;
  let since = performance.now();
  const breathe = async () => {
    if (performance.now() - since < YIELD_AFTER_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
  for await (const chunk of input) {
    for (const slice of slices(chunk)) {
      if (typeof slice === "string") {
        bytes += Buffer.byteLength(slice);
        reader.write(cleaner.push(slice));
      } else {
        bytes += slice.byteLength;
        reader.write(cleaner.push(decoder.decode(slice, { stream: true })));
      }
      opts.onBytes?.(bytes);
      await breathe();
    }
  }
  reader.write(cleaner.push(decoder.decode()) + cleaner.flush());
  return reader.close();
}

/** A chunk cut into slices that each take saxes a few milliseconds; a string is never cut inside a surrogate pair. */
function* slices(chunk: Uint8Array | string): Generator<Uint8Array | string> {
  if (typeof chunk !== "string") {
    for (let i = 0; i < chunk.byteLength; i += SLICE_CHARS) yield chunk.subarray(i, i + SLICE_CHARS);
    return;
  }
  let i = 0;
  while (i < chunk.length) {
    let end = Math.min(chunk.length, i + SLICE_CHARS);
    const last = chunk.charCodeAt(end - 1);
    if (end < chunk.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield chunk.slice(i, end);
    i = end;
  }
}

/** Parses a whole WXR string (tests, small files). */
export async function parseWxrString(xml: string, handlers: WxrHandlers): Promise<WxrSite> {
  return parseWxr([xml], handlers);
}

class WxrReader {
  private parser = new SaxesParser({ xmlns: true, position: true });
  private stack: Frame[] = [];
  private wpUri = "";
  private excerptUri = "";
  private site: WxrSite = { title: "", link: "", description: "", language: "", wxrVersion: "", baseSiteUrl: "", baseBlogUrl: "" };
  private item: WxrItem | null = null;
  private itemSeen = new Set<string>();
  private comment: WxrComment | null = null;
  private meta: WxrMeta | null = null;
  private term: WxrTerm | null = null;
  private author: WxrAuthor | null = null;
  private sawRss = false;
  private sawChannel = false;
  private failure: WxrError | null = null;

  constructor(private handlers: WxrHandlers) {
    const p = this.parser;
    p.on("doctype", () => this.fail("The file declares a DOCTYPE; WXR files never do, and entity declarations are refused"));
    p.on("opentagstart", (tag) => this.limitTag(tag.name));
    p.on("attribute", (attr) => this.limitAttribute(attr.name, attr.value));
    p.on("opentag", (tag) => this.open(tag as SaxesTagNS));
    p.on("closetag", () => this.closeTag());
    p.on("text", (t) => {
      const f = this.stack.at(-1);
      if (f) {
        f.text.push(t);
        f.cdata.push(false);
      }
    });
    p.on("cdata", (t) => {
      const f = this.stack.at(-1);
      if (f) {
        f.text.push(t);
        f.cdata.push(true);
        f.sawCdata = true;
      }
    });
    p.on("error", (err) => {
      if (!this.failure) this.failure = new WxrError(`The file is not well-formed XML: ${stripPosition(err.message)}`, p.line, p.column + 1);
    });
  }

  write(text: string) {
    if (this.failure) throw this.failure;
    if (text) this.parser.write(text);
    if (this.failure) throw this.failure;
  }

  close(): WxrSite {
    this.parser.close();
    if (this.failure) throw this.failure;
    if (!this.sawRss || !this.sawChannel) throw new WxrError("This does not appear to be a WXR file: there is no <rss><channel>");
    this.requireVersion();
    return this.site;
  }

  private fail(message: string): never {
    const err = new WxrError(message, this.parser.line, this.parser.column + 1);
    this.failure ??= err;
    throw err;
  }

  private attributes = 0;
  private attributeBytes = 0;

  /** Runs when a tag's name is read, before saxes does any per-depth work for it. */
  private limitTag(name: string) {
    if (this.stack.length >= WXR_LIMITS.depth) this.fail(`The file nests elements more than ${WXR_LIMITS.depth} deep; a WXR file nests about 6`);
    if (name.length > WXR_LIMITS.nameLength) this.fail(`An element name is longer than ${WXR_LIMITS.nameLength} characters`);
    this.attributes = 0;
    this.attributeBytes = 0;
  }

  private limitAttribute(name: string, value: string) {
    if (++this.attributes > WXR_LIMITS.attributesPerElement) this.fail(`An element has more than ${WXR_LIMITS.attributesPerElement} attributes`);
    if (name.length > WXR_LIMITS.nameLength) this.fail(`An attribute name is longer than ${WXR_LIMITS.nameLength} characters`);
    if (value.length > WXR_LIMITS.attributeValueLength) this.fail(`An attribute value is longer than ${WXR_LIMITS.attributeValueLength / 1024} KB`);
    this.attributeBytes += name.length + value.length;
    if (this.attributeBytes > WXR_LIMITS.attributeBytesPerElement) this.fail(`An element's attributes total more than ${WXR_LIMITS.attributeBytesPerElement / 1024} KB`);
  }

  private kindOf(uri: string): Kind {
    if (uri === "") return "rss";
    if (uri === this.wpUri) return "wp";
    if (uri === CONTENT_NS) return "content";
    if (uri === DC_NS) return "dc";
    if (uri === this.excerptUri || (this.excerptUri === "" && EXCERPT_NS_RE.test(uri))) return "excerpt";
    return "other";
  }

  private requireVersion() {
    if (!/^\d+\.\d+$/.test(this.site.wxrVersion)) {
      this.fail("This does not appear to be a WXR file: the WXR version number (wp:wxr_version) is missing or invalid");
    }
  }

  private open(tag: SaxesTagNS) {
    const depth = this.stack.length;
    if (depth === 0) {
      if (tag.local !== "rss" || tag.uri !== "") this.fail(`This does not appear to be a WXR file: the root element is <${tag.name}>, not <rss>`);
      this.sawRss = true;
      // The wp prefix is read from the document: http or https, export 1.0, 1.1 or 1.2.
      const declared = Object.entries(tag.ns ?? {});
      this.wpUri = declared.find(([prefix, uri]) => prefix === "wp" && WP_NS_RE.test(uri))?.[1] ?? declared.find(([, uri]) => WP_NS_RE.test(uri))?.[1] ?? "";
      this.excerptUri = declared.find(([, uri]) => EXCERPT_NS_RE.test(uri))?.[1] ?? "";
    }
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes)) attrs[typeof a === "string" ? name : a.local] = typeof a === "string" ? a : a.value;
    const frame: Frame = { kind: this.kindOf(tag.uri), local: tag.local, attrs, text: [], cdata: [], sawCdata: false };
    this.stack.push(frame);
    const parent = this.stack[depth - 1];
    const path = this.stack.length;
    if (path === 2 && frame.kind === "rss" && frame.local === "channel") this.sawChannel = true;
    if (path === 3 && !this.sawChannel) this.fail(`This does not appear to be a WXR file: <${tag.name}> is not inside <rss><channel>`);
    if (path !== 3 || !parent || parent.local !== "channel") {
      if (this.item && frame.kind === "wp" && path === 4) {
        if (frame.local === "postmeta") this.meta = { key: "", value: "" };
        if (frame.local === "comment") this.comment = emptyComment();
      }
      if (this.comment && frame.kind === "wp" && path === 5 && frame.local === "commentmeta") this.meta = { key: "", value: "" };
      if (this.term && frame.kind === "wp" && path === 4 && frame.local === "termmeta") this.meta = { key: "", value: "" };
      return;
    }
    // Direct children of <channel>.
    if (frame.kind === "rss" && frame.local === "item") {
      this.requireVersion();
      this.item = emptyItem();
      this.itemSeen.clear();
    } else if (frame.kind === "wp") {
      if (frame.local === "author") {
        this.requireVersion();
        this.author = emptyAuthor();
      } else if (frame.local === "category" || frame.local === "tag" || frame.local === "term") {
        this.requireVersion();
        this.term = emptyTerm(frame.local === "category" ? "category" : frame.local === "tag" ? "post_tag" : "");
      }
    }
  }

  private closeTag() {
    const frame = this.stack.pop();
    if (!frame) return;
    const depth = this.stack.length + 1; // the closed element's depth
    const text = frameText(frame);
    const { kind, local } = frame;

    if (depth === 3) {
      if (this.stack[1]?.local !== "channel") return;
      if (this.item && kind === "rss" && local === "item") {
        const item = this.item;
        this.item = null;
        this.handlers.item?.(item);
      } else if (this.author && kind === "wp" && local === "author") {
        const a = this.author;
        this.author = null;
        if (a.login) this.handlers.author?.(a);
      } else if (this.term && kind === "wp" && (local === "category" || local === "tag" || local === "term")) {
        const t = this.term;
        this.term = null;
        if (t.slug || t.name) this.handlers.term?.(t);
      } else if (kind === "rss") {
        if (local === "title") this.site.title ||= text.trim();
        else if (local === "link") this.site.link ||= text.trim();
        else if (local === "description") this.site.description ||= text.trim();
        else if (local === "language") this.site.language ||= text.trim();
      } else if (kind === "wp") {
        if (local === "wxr_version") {
          this.site.wxrVersion = text.trim();
          this.requireVersion();
        } else if (local === "base_site_url") this.site.baseSiteUrl = text.trim();
        else if (local === "base_blog_url") this.site.baseBlogUrl = text.trim();
      }
      return;
    }

    if (this.author && depth === 4 && kind === "wp") return this.authorField(this.author, local, text);
    if (this.term) {
      if (depth === 4 && kind === "wp") {
        if (local === "termmeta") {
          if (this.meta?.key) this.term.meta.push(this.meta);
          this.meta = null;
        } else this.termField(this.term, local, text);
      } else if (depth === 5 && kind === "wp" && this.meta) this.metaField(this.meta, local, text);
      return;
    }
    if (!this.item) return;
    if (depth === 4) return this.itemField(this.item, frame, text);
    if (depth === 5 && kind === "wp") {
      if (this.comment && local === "commentmeta") {
        if (this.meta?.key) this.comment.meta.push(this.meta);
        this.meta = null;
      } else if (this.comment) this.commentField(this.comment, local, text);
      else if (this.meta) this.metaField(this.meta, local, text);
      return;
    }
    if (depth === 6 && kind === "wp" && this.comment && this.meta) this.metaField(this.meta, local, text);
  }

  private authorField(a: WxrAuthor, local: string, text: string) {
    const v = text.trim();
    if (local === "author_id") a.id = int(v);
    else if (local === "author_login") a.login = v;
    else if (local === "author_email") a.email = v;
    else if (local === "author_display_name") a.displayName = v;
    else if (local === "author_first_name") a.firstName = v;
    else if (local === "author_last_name") a.lastName = v;
  }

  private termField(t: WxrTerm, local: string, text: string) {
    const v = text.trim();
    switch (local) {
      case "term_id": t.id = int(v); break;
      case "category_nicename": case "tag_slug": case "term_slug": t.slug = v; break;
      case "cat_name": case "tag_name": case "term_name": t.name = v; break;
      case "category_parent": case "term_parent": t.parentSlug = v; break;
      case "category_description": case "tag_description": case "term_description": t.description = text; break;
      case "term_taxonomy": t.taxonomy = v; break;
    }
  }

  private metaField(m: WxrMeta, local: string, text: string) {
    if (local === "meta_key") m.key = text.trim();
    else if (local === "meta_value") m.value = text;
  }

  private itemField(item: WxrItem, frame: Frame, text: string) {
    const { kind, local } = frame;
    const v = text.trim();
    // First value wins: a second element of the same name cannot overwrite a field.
    const key = `${kind}:${local}`;
    if (kind === "rss" && local === "category") {
      const domain = frame.attrs.domain === "tag" ? "post_tag" : frame.attrs.domain ?? "";
      // WXR 1.0 repeats each term without nicename; WordPress uses only those with one.
      if (frame.attrs.nicename !== undefined && domain) item.terms.push({ domain, slug: detach(frame.attrs.nicename.trim()), name: v });
      return;
    }
    if (kind === "wp" && local === "postmeta") {
      if (this.meta?.key) item.meta.push(this.meta);
      this.meta = null;
      return;
    }
    if (kind === "wp" && local === "comment") {
      if (this.comment) item.comments.push(this.comment);
      this.comment = null;
      return;
    }
    if (this.itemSeen.has(key)) return;
    this.itemSeen.add(key);
    if (kind === "rss") {
      if (local === "title") item.title = v;
      else if (local === "link") item.link = v;
      else if (local === "pubDate") item.pubDate = v;
      else if (local === "guid") item.guid = v;
      else if (local === "description") item.description = text;
    } else if (kind === "dc" && local === "creator") item.creator = v;
    else if (kind === "content" && local === "encoded") item.content = text;
    else if (kind === "excerpt" && local === "encoded") item.excerpt = text;
    else if (kind === "wp") {
      switch (local) {
        case "post_id": item.postId = int(v); break;
        case "post_date": item.postDate = v; break;
        case "post_date_gmt": item.postDateGmt = v; break;
        case "post_modified": item.postModified = v; break;
        case "post_modified_gmt": item.postModifiedGmt = v; break;
        case "comment_status": item.commentStatus = v; break;
        case "ping_status": item.pingStatus = v; break;
        case "post_name": item.postName = v; break;
        case "status": item.status = v; break;
        case "post_parent": item.postParent = int(v); break;
        case "menu_order": item.menuOrder = int(v); break;
        case "post_type": item.postType = v; break;
        case "post_password": item.postPassword = v; break;
        case "is_sticky": item.isSticky = v === "1"; break;
        case "attachment_url": item.attachmentUrl = v; break;
        // Some hand-made files name the author with <wp:author> instead of <dc:creator>.
        case "author": if (!item.creator) item.creator = v; break;
        default: this.itemSeen.delete(key);
      }
    } else this.itemSeen.delete(key);
  }

  private commentField(c: WxrComment, local: string, text: string) {
    const v = text.trim();
    switch (local) {
      case "comment_id": c.id = int(v); break;
      case "comment_author": c.author = v; break;
      case "comment_author_email": c.authorEmail = v; break;
      case "comment_author_url": c.authorUrl = v; break;
      case "comment_author_IP": c.authorIp = v; break;
      case "comment_date": c.date = v; break;
      case "comment_date_gmt": c.dateGmt = v; break;
      case "comment_content": c.content = text; break;
      case "comment_approved": c.approved = v; break;
      case "comment_type": c.type = v; break;
      case "comment_parent": c.parent = int(v); break;
      case "comment_user_id": c.userId = int(v); break;
    }
  }
}

function stripPosition(message: string): string {
  // saxes prefixes "line:column: "; we report position ourselves.
  return message.replace(/^[^:]*:\d+:\d+: /, "").replace(/^\d+:\d+: /, "");
}
