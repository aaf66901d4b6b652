// WordPress block markup (<!-- wp:name {"attrs"} --> … <!-- /wp:name -->) as stored content.
// The delimiters are HTML comments: readers never see them, and WordPress's do_blocks removes
// them before a post reaches the page or a feed, which we do too. Structure comes from
// WordPress's own parser; offsets (for keeping a block's source byte for byte) from its tokenizer.
import { parse } from "@wordpress/block-serialization-default-parser";
import { formatPostContent } from "./format";
import { parseHtml } from "./html-parse";
import { applyLayout, coverFocalPoint } from "./block-layout";

type ParsedBlock = ReturnType<typeof parse>[number];

// The tokenizer of @wordpress/block-serialization-default-parser 5.56 (it is not exported).
const DELIMITER = /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*\/)?([a-z][a-z0-9_-]*)\s+({(?:(?=([^}]+|}+(?=})|(?!}\s+\/?-->)[^])*)\5|[^]*?)}\s+)?(\/)?-->/g;

export const hasBlocks = (html: string) => html.includes("<!-- wp:") && new RegExp(DELIMITER.source).test(html);

/** One top-level block of a post, with its exact source: the sources joined are the post. */
export interface BlockSegment {
  /** "core/paragraph", or null for HTML between blocks (WordPress's freeform/Classic content). */
  name: string | null;
  attrs: Record<string, unknown>;
  /** Exact text of the block, with any whitespace that came before it. */
  source: string;
  /** The block's HTML without any block delimiter, as the reader's page has it. */
  html: string;
  parsed: ParsedBlock | null;
}

/** Splits content into its top-level blocks, each with its source; whitespace joins the next block. */
export function splitBlocks(content: string): BlockSegment[] {
  const spans: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (const m of content.matchAll(DELIMITER)) {
    const closer = !!m[1];
    const void_ = !!m[6];
    if (!closer && depth === 0) start = m.index;
    if (void_) {
      if (depth === 0) spans.push({ start, end: m.index + m[0].length });
    } else if (closer) {
      // A closer without its opener stays in the surrounding text, as for WordPress's parser.
      if (depth === 0) continue;
      if (--depth === 0) spans.push({ start, end: m.index + m[0].length });
    } else depth++;
  }
  // An opener never closed runs to the end, as the parser treats it.
  if (depth > 0) spans.push({ start, end: content.length });
  const out: BlockSegment[] = [];
  let pos = 0;
  let lead = "";
  const freeform = (text: string) => {
    if (!text) return;
    if (!text.trim()) lead += text;
    else {
      out.push({ name: null, attrs: {}, source: lead + text, html: text.trim(), parsed: null });
      lead = "";
    }
  };
  spans.forEach((s) => {
    freeform(content.slice(pos, s.start));
    const source = content.slice(s.start, s.end);
    const p = parse(source).find((b) => b.blockName !== null) ?? null;
    out.push({ name: p?.blockName ?? null, attrs: p?.attrs ?? {}, source: lead + source, html: stripBlockDelimiters(source).trim(), parsed: p });
    lead = "";
    pos = s.end;
  });
  const tail = content.slice(pos);
  if (tail.trim()) freeform(tail);
  else if (out.length) out[out.length - 1].source += lead + tail;
  else if (lead + tail) out.push({ name: null, attrs: {}, source: lead + tail, html: "", parsed: null });
  return out;
}

export const stripBlockDelimiters = (html: string) => html.replace(new RegExp(DELIMITER.source, "g"), "");

/**
 * WordPress's do_blocks for stored block markup: each block's HTML with its inner blocks in
 * place and without the delimiters, and what WordPress's render_block filters add at render
 * time (layout classes; `css` holds the generated container rules the page must carry).
 */
export function renderBlocks(content: string): { html: string; css: string } {
  const css: string[] = [];
  const render = (b: ParsedBlock): string => {
    let i = 0;
    const inner = b.innerContent.map((c) => (c === null ? render(b.innerBlocks[i++]!) : c)).join("");
    if (!b.blockName) return inner;
    const out = applyLayout(b.blockName === "core/cover" ? coverFocalPoint(inner, b.attrs) : inner, b);
    if (out.css && !css.includes(out.css)) css.push(out.css);
    return out.html;
  };
  // A delimiter the parser left as text (a closer without its opener) stays out as before.
  const html = stripBlockDelimiters(parse(content).map(render).join(""));
  return { html, css: css.join("") };
}

/** What readers get of stored content: block posts rendered (and without wpautop, as in WordPress), classic posts through autop. */
export function renderContent(content: string): string {
  return hasBlocks(content) ? renderBlocks(content).html : formatPostContent(content);
}

/** renderContent, with the block layout rules the page carries beside it (empty for classic posts). */
export function renderContentWithStyles(content: string): { html: string; css: string } {
  return hasBlocks(content) ? renderBlocks(content) : { html: formatPostContent(content), css: "" };
}

// A delimiter as WordPress writes it; JSON attributes escape <, >, & and -- (serializeAttributes),
// so a kept comment can never end early or hold markup.
const SAFE_DELIMITER = /^ \/?wp:[a-z][a-z0-9_-]*(\/[a-z][a-z0-9_-]*)? (\{[^<>]*\} )?\/?$/;

/** Block delimiter comments in HTML that an HTML parser sees as comments, with their offsets. */
export function findBlockComments(html: string): { start: number; end: number; comment: string }[] {
  if (!html.includes("<!-- wp:") && !html.includes("<!-- /wp:")) return [];
  const found: { start: number; end: number; comment: string }[] = [];
  parseHtml(html, (parser) => ({
    oncomment(data) {
      if (SAFE_DELIMITER.test(data) && !data.includes("--")) found.push({ start: parser.startIndex, end: parser.endIndex + 1, comment: `<!--${data}-->` });
    },
  }), { decodeEntities: false });
  return found;
}
