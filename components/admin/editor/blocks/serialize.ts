// The visual editor's document back to stored content, in WordPress's block markup. A block that
// is unchanged since it was opened is written back as its original source, byte for byte; an
// edited or new block is written as WordPress 6.x's serializer would write it (comment delimiters,
// "\n" inside them, "\n\n" between blocks), so WordPress and themes read it as their own.
import type { JSONContent } from "@tiptap/core";
import { markerComment } from "../extensions/wp-marker";
import { galleryClass, imageFigureClass, type ImageAlign, type ImageSizeSlug } from "@/lib/media/block-markup";

export interface SerializeOptions {
  /** HTML of a node this file has no block for (another engineer's node, say): kept as wp:html. */
  htmlOf?: (node: JSONContent) => string;
}

type Attrs = Record<string, unknown>;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escAttr = (s: string) => esc(s).replace(/"/g, "&quot;");

// WordPress's serializeAttributes: JSON with --, <, >, & and \" escaped so no comment ends early.
function serializeAttributes(attrs: Attrs): string {
  return JSON.stringify(attrs)
    .replace(/--/g, "\\u002d\\u002d")
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\\"/g, "\\u0022");
}

/** `<!-- wp:name {attrs} -->\ninner\n<!-- /wp:name -->`, core/ left out as WordPress does. */
export function delimit(name: string, attrs: Attrs, inner: string | null): string {
  const short = name.startsWith("core/") ? name.slice(5) : name;
  const a = Object.keys(attrs).length ? `${serializeAttributes(attrs)} ` : "";
  if (inner === null) return `<!-- wp:${short} ${a}/-->`;
  return `<!-- wp:${short} ${a}-->\n${inner}\n<!-- /wp:${short} -->`;
}

const MARKS: Record<string, (m: Attrs) => [string, string]> = {
  bold: () => ["<strong>", "</strong>"],
  italic: () => ["<em>", "</em>"],
  code: () => ["<code>", "</code>"],
  strike: () => ["<s>", "</s>"],
  underline: () => ["<u>", "</u>"],
  link: (a) => {
    const extra = [a.target ? ` target="${escAttr(String(a.target))}"` : "", a.rel ? ` rel="${escAttr(String(a.rel))}"` : ""].join("");
    return [`<a href="${escAttr(String(a.href ?? ""))}"${extra}>`, "</a>"];
  },
};

/** Inline content (text with marks, hard breaks) as HTML. */
export function inline(nodes: JSONContent[] | undefined): string {
  let out = "";
  for (const n of nodes ?? []) {
    if (n.type === "hardBreak") {
      out += "<br>";
      continue;
    }
    if (n.type !== "text") continue;
    let html = esc(n.text ?? "");
    for (const m of [...(n.marks ?? [])].reverse()) {
      const wrap = MARKS[m.type];
      if (wrap) {
        const [open, close] = wrap(m.attrs ?? {});
        html = open + html + close;
      }
    }
    out += html;
  }
  return out;
}

/** Attributes kept from the opened block (alignment, colours…) with this block's own over them. */
function attrsOf(node: JSONContent, own: Attrs): Attrs {
  const kept = (node.attrs?.wpAttrs as Attrs | null) ?? {};
  const out: Attrs = { ...kept };
  for (const [k, v] of Object.entries(own)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

// The block's classes, and its inline style (custom colours, spacing) as it was opened: WordPress
// writes both from attributes we keep but do not edit.
const styleOf = (node: JSONContent) => {
  const style = node.attrs?.wpStyle as string | null | undefined;
  return style ? ` style="${escAttr(style)}"` : "";
};
const cls = (node: JSONContent, fallback: string) => {
  const kept = node.attrs?.wpClass as string | null | undefined;
  const all = new Set([...fallback.split(" "), ...(kept ? kept.split(/\s+/) : [])].filter(Boolean));
  return (all.size ? ` class="${escAttr([...all].join(" "))}"` : "") + styleOf(node);
};

// Inner blocks are joined as WordPress joins them: "\n\n" between, nothing around.
const innerBlocks = (node: JSONContent, opts: SerializeOptions) => (node.content ?? []).map((c) => blockMarkup(c, opts) ?? "").join("\n\n");

function listItems(node: JSONContent, opts: SerializeOptions): string {
  return (node.content ?? [])
    .map((li) => {
      const parts = (li.content ?? []).map((c) => (c.type === "paragraph" ? inline(c.content) : (blockMarkup(c, opts) ?? "")));
      return delimit("core/list-item", {}, `<li>${parts.join("")}</li>`);
    })
    .join("\n\n");
}

function tableRows(node: JSONContent): string {
  const rows = node.content ?? [];
  const row = (r: JSONContent) =>
    `<tr>${(r.content ?? [])
      .map((c) => {
        const tag = c.type === "tableHeader" ? "th" : "td";
        const span = [c.attrs?.colspan > 1 ? ` colspan="${c.attrs?.colspan}"` : "", c.attrs?.rowspan > 1 ? ` rowspan="${c.attrs?.rowspan}"` : ""].join("");
        return `<${tag}${span}>${(c.content ?? []).map((p) => inline(p.content)).join("<br>")}</${tag}>`;
      })
      .join("")}</tr>`;
  const header = rows[0] && (rows[0].content ?? []).every((c) => c.type === "tableHeader") ? rows[0] : null;
  const body = header ? rows.slice(1) : rows;
  return `${header ? `<thead>${row(header)}</thead>` : ""}<tbody>${body.map(row).join("")}</tbody>`;
}

// WordPress's image block: the figure as its save() writes it, and the attributes it keeps in the
// comment (which attachment, which size, where the picture links).
function imageMarkup(node: JSONContent): string {
  const a = (node.attrs ?? {}) as { id?: number | null; src?: string; alt?: string; width?: number | null; height?: number | null; sizeSlug?: ImageSizeSlug; align?: ImageAlign; href?: string };
  const kept = (node.attrs?.wpAttrs as Attrs | null) ?? {};
  const sizeSlug = a.sizeSlug ?? "full";
  const align = a.align ?? "none";
  const dims = a.width && a.height ? ` width="${a.width}" height="${a.height}"` : "";
  let img = `<img src="${escAttr(a.src ?? "")}" alt="${escAttr(a.alt ?? "")}"${a.id ? ` class="wp-image-${a.id}"` : ""}${dims}/>`;
  if (a.href) img = `<a href="${escAttr(a.href)}">${img}</a>`;
  const caption = node.content?.length ? `<figcaption class="wp-element-caption">${inline(node.content)}</figcaption>` : "";
  const linkDestination = a.href ? (kept.linkDestination && kept.linkDestination !== "none" ? kept.linkDestination : "custom") : "none";
  const attrs = attrsOf(node, { align: align === "none" ? undefined : align, id: a.id ?? undefined, sizeSlug, linkDestination });
  // Classes we do not edit (is-resized, is-style-rounded…) stay; alignment and size are ours now.
  const others = String(node.attrs?.wpClass ?? "").split(/\s+/).filter((c) => c && c !== "wp-block-image" && !/^(align|size-)/.test(c));
  return delimit("core/image", attrs, `<figure class="${escAttr([imageFigureClass({ align, sizeSlug }), ...others].join(" "))}"${styleOf(node)}>${img}${caption}</figure>`);
}

// A gallery holds image blocks, delimited each, inside its figure (WordPress 6.x's nested gallery).
function galleryMarkup(node: JSONContent): string {
  const columns = Number(node.attrs?.columns ?? 3);
  const crop = node.attrs?.crop !== false;
  const kept = (node.attrs?.wpAttrs as Attrs | null) ?? {};
  const images = (node.content ?? []).map((img) => imageMarkup({ ...img, attrs: { ...img.attrs, align: "none" } })).join("\n\n");
  const attrs = attrsOf(node, { columns: kept.columns === undefined && columns === 3 ? undefined : columns, imageCrop: crop ? undefined : false, linkTo: kept.linkTo ?? "none" });
  return delimit("core/gallery", attrs, `<figure class="${galleryClass(columns, crop)}">${images}</figure>`);
}

const citeOf = (node: JSONContent) => (node.content ?? []).find((c) => c.type === "quoteCite");
const withoutCite = (node: JSONContent): JSONContent => ({ ...node, content: (node.content ?? []).filter((c) => c.type !== "quoteCite") });

/** Fresh WordPress block markup for a node, or null when no block of ours fits it. */
export function blockMarkup(node: JSONContent, opts: SerializeOptions = {}): string | null {
  switch (node.type) {
    case "paragraph":
      return delimit("core/paragraph", attrsOf(node, {}), `<p${cls(node, "")}>${inline(node.content)}</p>`);
    case "heading": {
      const level = Number(node.attrs?.level ?? 2);
      return delimit("core/heading", attrsOf(node, { level: level === 2 ? undefined : level }), `<h${level}${cls(node, "wp-block-heading")}>${inline(node.content)}</h${level}>`);
    }
    case "bulletList":
    case "orderedList": {
      const ordered = node.type === "orderedList";
      const tag = ordered ? "ol" : "ul";
      const start = ordered && Number(node.attrs?.start ?? 1) !== 1 ? Number(node.attrs?.start) : undefined;
      return delimit("core/list", attrsOf(node, { ordered: ordered || undefined, start }), `<${tag}${cls(node, "wp-block-list")}${start ? ` start="${start}"` : ""}>${listItems(node, opts)}</${tag}>`);
    }
    case "blockquote": {
      const cite = citeOf(node);
      return delimit("core/quote", attrsOf(node, {}), `<blockquote${cls(node, "wp-block-quote")}>${innerBlocks(withoutCite(node), opts)}${cite ? `<cite>${inline(cite.content)}</cite>` : ""}</blockquote>`);
    }
    case "pullquote": {
      const cite = citeOf(node);
      const body = (withoutCite(node).content ?? []).map((p) => `<p>${inline(p.content)}</p>`).join("");
      return delimit("core/pullquote", attrsOf(node, {}), `<figure${cls(node, "wp-block-pullquote")}><blockquote>${body}${cite ? `<cite>${inline(cite.content)}</cite>` : ""}</blockquote></figure>`);
    }
    case "codeBlock": {
      const lang = node.attrs?.language ? String(node.attrs.language) : "";
      const code = esc((node.content ?? []).map((t) => t.text ?? "").join(""));
      const open = lang ? `<code lang="${escAttr(lang)}" class="language-${escAttr(lang)}">` : "<code>";
      return delimit("core/code", attrsOf(node, { language: lang || undefined }), `<pre${cls(node, "wp-block-code")}>${open}${code}</code></pre>`);
    }
    case "table":
      return delimit("core/table", attrsOf(node, {}), `<figure${cls(node, "wp-block-table")}><table>${tableRows(node)}</table></figure>`);
    case "buttons":
      return delimit("core/buttons", attrsOf(node, {}), `<div${cls(node, "wp-block-buttons")}>${innerBlocks(node, opts)}</div>`);
    case "button": {
      const href = node.attrs?.href ? ` href="${escAttr(String(node.attrs.href))}"` : "";
      return delimit("core/button", {}, `<div class="wp-block-button"><a class="wp-block-button__link wp-element-button"${href}>${inline(node.content)}</a></div>`);
    }
    case "columns":
      return delimit("core/columns", attrsOf(node, {}), `<div${cls(node, "wp-block-columns")}>${innerBlocks(node, opts)}</div>`);
    case "column":
      return delimit("core/column", {}, `<div class="wp-block-column">${innerBlocks(node, opts)}</div>`);
    case "horizontalRule":
      return delimit("core/separator", attrsOf(node, {}), `<hr${cls(node, "wp-block-separator has-alpha-channel-opacity")}/>`);
    case "details": {
      const [summary, content] = node.content ?? [];
      // "Open by default" is an attribute of the block and of the element.
      const open = (node.attrs?.wpAttrs as Attrs | null)?.showContent ? " open" : "";
      return delimit("core/details", attrsOf(node, {}), `<details${cls(node, "wp-block-details")}${open}><summary>${inline(summary?.content)}</summary>${innerBlocks(content ?? {}, opts)}</details>`);
    }
    case "imageFigure":
      return imageMarkup(node);
    case "imageGallery":
      return galleryMarkup(node);
    case "audioBlock":
    case "videoBlock":
    case "fileBlock":
      return opts.htmlOf ? delimit(`core/${node.type.slice(0, -5)}`, attrsOf(node, {}), opts.htmlOf(node)) : null;
    case "wpMarker": {
      // WordPress's More and Page Break blocks (a lone noteaser has no block: it stays with a More).
      if (node.attrs?.kind === "nextpage") return delimit("core/nextpage", {}, "<!--nextpage-->");
      const text = String(node.attrs?.text ?? "");
      const noTeaser = !!node.attrs?.noTeaser || node.attrs?.kind === "noteaser";
      return delimit("core/more", { customText: text.trim() || undefined, noTeaser: noTeaser || undefined }, `<!--${markerComment("more", text)}-->${noTeaser ? "\n<!--noteaser-->" : ""}`);
    }
    case "wpRaw":
      return String(node.attrs?.source ?? "").trim();
    default:
      return opts.htmlOf ? delimit("core/html", {}, opts.htmlOf(node)) : null;
  }
}

const isEmptyParagraph = (n: JSONContent) => n.type === "paragraph" && !n.content?.length && !n.attrs?.wpSource;

/** The document as stored content: unchanged blocks as they were written, the rest as fresh block markup. */
export function serializeBlocks(doc: JSONContent, opts: SerializeOptions = {}): string {
  const nodes = [...(doc.content ?? [])];
  // The editor keeps an empty paragraph at the end to type into (tiptap's TrailingNode): not content.
  while (nodes.length && isEmptyParagraph(nodes[nodes.length - 1])) nodes.pop();
  let out = "";
  for (const node of nodes) {
    if (node.type === "wpRaw") {
      out += String(node.attrs?.source ?? "");
      continue;
    }
    const fresh = blockMarkup(node, opts) ?? "";
    const source = node.attrs?.wpSource as string | null | undefined;
    if (source != null && node.attrs?.wpFresh === fresh) out += source;
    else if (fresh) out += (out ? "\n\n" : "") + fresh;
  }
  return out;
}
