// WordPress's layout support (wp-includes/block-supports/layout.php, 6.x): when a block that
// supports layout is rendered, WordPress adds the layout's classes to the block's wrapper
// (is-layout-flex, wp-block-group-is-layout-flex, is-vertical, is-content-justification-right,
// is-nowrap) and, for what the block's `layout` and `style.spacing.blockGap` attributes ask
// beyond the layout's base styles, one generated rule set under a class named from a hash of
// those values (wp-container-core-group-is-layout-1a2b3c4d). None of it is in the stored
// post: it is made here at render time, so imported posts get it as they are.
import { createHash } from "node:crypto";

type Layout = Record<string, unknown>;

interface LayoutSupport {
  /** block.json's supports.layout.default (or __experimentalLayout.default). */
  default: Layout;
  /** block.json's supports.spacing.blockGap.__experimentalDefault. */
  fallbackGap: string;
}

// The core blocks with layout support whose HTML is stored in the post (dynamic blocks such as
// navigation and post-template are rendered by WordPress's PHP and have no HTML here).
const SUPPORTS: Record<string, LayoutSupport> = {
  "core/group": { default: {}, fallbackGap: "0.5em" },
  "core/buttons": { default: { type: "flex" }, fallbackGap: "0.5em" },
  "core/columns": { default: { type: "flex", flexWrap: "nowrap" }, fallbackGap: "2em" },
  "core/column": { default: {}, fallbackGap: "0.5em" },
  "core/social-links": { default: { type: "flex" }, fallbackGap: "0.5em" },
  "core/cover": { default: {}, fallbackGap: "0.5em" },
  "core/details": { default: {}, fallbackGap: "0.5em" },
  "core/quote": { default: {}, fallbackGap: "0.5em" },
};

const LAYOUT_CLASS: Record<string, string> = {
  default: "is-layout-flow",
  constrained: "is-layout-constrained",
  flex: "is-layout-flex",
  grid: "is-layout-grid",
};

/** WordPress's sanitize_title for a class name: lower case, anything else a hyphen. */
const classToken = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");

/**
 * A CSS value the generated rules may hold: numbers, units, keywords, preset references and
 * the size functions (min, max, clamp, calc, var) only. Nothing that could end a rule or the
 * <style> element (<, >, {, }, ;, quotes, backslash, comments) or fetch anything (url()).
 */
function cssValue(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (!s || s.length > 100 || /\/\*/.test(s)) return null;
  if (!/^[a-zA-Z0-9.%#\s,+\-*/()|:_]+$/.test(s)) return null;
  const fns = s.match(/[a-zA-Z-]+(?=\()/g) ?? [];
  if (fns.some((f) => !/^(min|max|clamp|calc|var)$/i.test(f))) return null;
  if (s.includes("(") && !fns.length) return null;
  return s;
}

/** A gap value as WordPress resolves it: `var:preset|spacing|50` → `var(--wp--preset--spacing--50)`. */
function presetValue(v: string): string {
  if (!v.includes("var:preset|spacing|")) return v;
  const slug = v.slice(v.lastIndexOf("|") + 1).replace(/([a-z])([A-Z0-9])/g, "$1-$2").toLowerCase().replace(/[^a-z0-9-]/g, "");
  return `var(--wp--preset--spacing--${slug})`;
}

type Rule = { selector: string; declarations: [string, string][] };

/** wp_get_layout_style: the rules a layout needs beyond its base styles (themes/shared/blocks.css). */
export function layoutStyle(selector: string, layout: Layout, gap: unknown, fallbackGap: string): Rule[] {
  const type = typeof layout.type === "string" ? layout.type : "default";
  const rules: Rule[] = [];
  const str = (k: string) => (typeof layout[k] === "string" ? (layout[k] as string) : "");
  const flowGap = () => {
    const g = gap && typeof gap === "object" ? (gap as Record<string, unknown>).top : gap;
    const v = cssValue(g);
    if (v === null) return;
    rules.push(
      { selector: `${selector} > *`, declarations: [["margin-block-start", "0"], ["margin-block-end", "0"]] },
      { selector: `${selector} > * + *`, declarations: [["margin-block-start", presetValue(v)], ["margin-block-end", "0"]] },
    );
  };
  // flex and grid: one gap, or "row column" when the block sets the two sides.
  const gridGap = () => {
    if (gap === undefined || gap === null) return;
    const sides = typeof gap === "object" ? ["top", "left"] : ["top"];
    const parts: string[] = [];
    for (const side of sides) {
      const raw = typeof gap === "object" ? ((gap as Record<string, unknown>)[side] ?? fallbackGap) : gap;
      const v = cssValue(raw);
      if (v === null) return;
      parts.push(presetValue(v));
    }
    rules.push({ selector, declarations: [["gap", parts.join(" ")]] });
  };

  if (type === "default") {
    flowGap();
  } else if (type === "constrained") {
    const contentSize = cssValue(str("contentSize"));
    const wideSize = cssValue(str("wideSize"));
    const justify = str("justifyContent") || "center";
    const all = contentSize ?? wideSize;
    const wide = wideSize ?? contentSize;
    const children = `${selector} > :where(:not(.alignleft):not(.alignright):not(.alignfull))`;
    if (all && wide) {
      rules.push(
        {
          selector: children,
          declarations: [
            ["max-width", all],
            ["margin-left", justify === "left" ? "0 !important" : "auto !important"],
            ["margin-right", justify === "right" ? "0 !important" : "auto !important"],
          ],
        },
        { selector: `${selector} > .alignwide`, declarations: [["max-width", wide]] },
        { selector: `${selector} .alignfull`, declarations: [["max-width", "none"]] },
      );
    }
    if (justify === "left") rules.push({ selector: children, declarations: [["margin-left", "0 !important"]] });
    if (justify === "right") rules.push({ selector: children, declarations: [["margin-right", "0 !important"]] });
    flowGap();
  } else if (type === "flex") {
    const horizontal = (str("orientation") || "horizontal") === "horizontal";
    const justifyOptions: Record<string, string> = { left: "flex-start", right: "flex-end", center: "center" };
    const alignOptions: Record<string, string> = { top: "flex-start", center: "center", bottom: "flex-end" };
    if (horizontal) {
      justifyOptions["space-between"] = "space-between";
      alignOptions.stretch = "stretch";
    } else {
      justifyOptions.stretch = "stretch";
      alignOptions["space-between"] = "space-between";
    }
    if (str("flexWrap") === "nowrap") rules.push({ selector, declarations: [["flex-wrap", "nowrap"]] });
    gridGap();
    const justify = Object.hasOwn(justifyOptions, str("justifyContent")) ? justifyOptions[str("justifyContent")] : undefined;
    const align = Object.hasOwn(alignOptions, str("verticalAlignment")) ? alignOptions[str("verticalAlignment")] : undefined;
    if (horizontal) {
      if (justify) rules.push({ selector, declarations: [["justify-content", justify]] });
      if (align) rules.push({ selector, declarations: [["align-items", align]] });
    } else {
      rules.push({ selector, declarations: [["flex-direction", "column"]] });
      rules.push({ selector, declarations: [["align-items", justify ?? "flex-start"]] });
      if (align) rules.push({ selector, declarations: [["justify-content", align]] });
    }
  } else if (type === "grid") {
    const count = Number(layout.columnCount);
    if (Number.isInteger(count) && count > 0 && count <= 16) {
      rules.push({ selector, declarations: [["grid-template-columns", `repeat(${count}, minmax(0, 1fr))`]] });
    } else {
      const min = cssValue(str("minimumColumnWidth")) ?? "12rem";
      rules.push({ selector, declarations: [["grid-template-columns", `repeat(auto-fill, minmax(min(${min}, 100%), 1fr))`], ["container-type", "inline-size"]] });
    }
    gridGap();
  }
  return rules;
}

/** The style engine's stylesheet: rules with the same selector merged, in first-seen order. */
export function stylesheet(rules: Rule[]): string {
  const merged = new Map<string, Map<string, string>>();
  for (const r of rules) {
    const decls = merged.get(r.selector) ?? new Map<string, string>();
    for (const [p, v] of r.declarations) decls.set(p, v);
    merged.set(r.selector, decls);
  }
  return [...merged].map(([sel, d]) => `${sel}{${[...d].map(([p, v]) => `${p}:${v};`).join("")}}`).join("");
}

// An opening tag, attribute values quoted or not (stored content is sanitized HTML).
const OPEN_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const CLASS_ATTR = /(\sclass\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** Adds classes to the opening tag that starts at `at` in `html` (WP_HTML_Tag_Processor::add_class). */
function addClasses(html: string, at: number, classes: string[]): string {
  OPEN_TAG.lastIndex = at;
  const m = OPEN_TAG.exec(html);
  if (!m || m.index !== at) return html;
  const tag = m[0];
  const c = CLASS_ATTR.exec(tag);
  let next: string;
  if (c) {
    const current = c[2] ?? c[3] ?? c[4] ?? "";
    const have = new Set(current.split(/\s+/).filter(Boolean));
    const add = classes.filter((k) => !have.has(k));
    const value = [current.trim(), ...add].filter(Boolean).join(" ");
    next = tag.slice(0, c.index) + `${c[1]}"${value}"` + tag.slice(c.index + c[0].length);
  } else {
    next = `<${m[1]} class="${classes.join(" ")}"` + tag.slice(1 + m[1].length);
  }
  return html.slice(0, at) + next + html.slice(at + tag.length);
}

function firstTagAt(html: string): number {
  OPEN_TAG.lastIndex = 0;
  const m = OPEN_TAG.exec(html);
  return m ? m.index : -1;
}

/** The last opening tag of a string, if it has a class (the wrapper of a block's inner blocks). */
function lastClassedTagAt(html: string): number {
  let last: RegExpExecArray | null = null;
  OPEN_TAG.lastIndex = 0;
  for (let m = OPEN_TAG.exec(html); m; m = OPEN_TAG.exec(html)) last = m;
  if (!last) return -1;
  const c = CLASS_ATTR.exec(last[0]);
  return c && (c[2] ?? c[3] ?? c[4] ?? "").trim() ? last.index : -1;
}

export interface LayoutBlock {
  blockName: string | null;
  attrs: Record<string, unknown> | null;
  innerContent: (string | null)[];
}

/**
 * wp_render_layout_support_flag for one rendered block: its HTML with the layout classes added
 * to its wrapper (the element around its inner blocks, else its first element), and the CSS of
 * its generated container class, if it needs one.
 */
export function applyLayout(html: string, block: LayoutBlock): { html: string; css: string } {
  const support = block.blockName ? SUPPORTS[block.blockName] : undefined;
  if (!support) return { html, css: "" };
  const attrs = block.attrs ?? {};
  const attrLayout = attrs.layout && typeof attrs.layout === "object" && !Array.isArray(attrs.layout) ? (attrs.layout as Layout) : undefined;
  const used: Layout = { ...(attrLayout ?? support.default) };
  if (used.inherit || (typeof used.contentSize === "string" && used.contentSize)) used.type = "constrained";
  const type = typeof used.type === "string" && LAYOUT_CLASS[used.type] ? used.type : "default";

  const classes: string[] = [];
  if (attrLayout) {
    if (typeof attrLayout.orientation === "string" && classToken(attrLayout.orientation)) classes.push(`is-${classToken(attrLayout.orientation)}`);
    if (typeof attrLayout.justifyContent === "string" && classToken(attrLayout.justifyContent)) classes.push(`is-content-justification-${classToken(attrLayout.justifyContent)}`);
    if (attrLayout.flexWrap === "nowrap") classes.push("is-nowrap");
  }
  const layoutClass = LAYOUT_CLASS[type];
  classes.push(layoutClass);

  const style = attrs.style && typeof attrs.style === "object" ? (attrs.style as Record<string, unknown>) : {};
  const spacing = style.spacing && typeof style.spacing === "object" ? (style.spacing as Record<string, unknown>) : {};
  const gap = spacing.blockGap;
  const blockClass = classToken(block.blockName!.replace(/^core\//, "").replace("/", "-"));
  const hash = createHash("md5").update(JSON.stringify([used, true, gap ?? null, false, support.fallbackGap, spacing])).digest("hex").slice(0, 8);
  const container = `wp-container-${classToken(block.blockName!)}-is-layout-${hash}`;
  const css = stylesheet(layoutStyle(`.${container}`, { ...used, type }, gap, support.fallbackGap));
  if (css) classes.push(container);
  classes.push(`wp-block-${blockClass}-${layoutClass}`);

  const first = block.innerContent[0];
  const wrapperAt = typeof first === "string" && block.innerContent.length > 1 ? lastClassedTagAt(first) : -1;
  const at = wrapperAt >= 0 ? wrapperAt : firstTagAt(html);
  if (at < 0) return { html, css: "" };
  return { html: addClasses(html, at, classes), css };
}

const COVER_BACKGROUND = /<(img|video|div)\b[^>]*\bclass\s*=\s*"[^"]*\bwp-block-cover__(?:image|video)-background\b[^"]*"[^>]*>/;

/**
 * The cover block's focal point, as WordPress's save writes it: `object-position: X% Y%` on its
 * picture or video (background-position on a fixed or repeated background), from the block's
 * `focalPoint` attribute. The stored style is gone when the post's author may not write styles
 * (sanitized), so it is put back from the attribute, which is numbers only.
 */
export function coverFocalPoint(html: string, attrs: Record<string, unknown> | null): string {
  const fp = attrs?.focalPoint as { x?: unknown; y?: unknown } | undefined;
  const x = Number(fp?.x), y = Number(fp?.y);
  if (!fp || typeof fp !== "object" || !Number.isFinite(x) || !Number.isFinite(y)) return html;
  const pct = (n: number) => `${Math.round(Math.min(1, Math.max(0, n)) * 100)}%`;
  const m = COVER_BACKGROUND.exec(html);
  if (!m) return html;
  const prop = m[1] === "div" ? "background-position" : "object-position";
  const tag = m[0];
  const style = /\sstyle\s*=\s*"([^"]*)"/i.exec(tag);
  const decl = `${prop}:${pct(x)} ${pct(y)}`;
  const next = style
    ? tag.slice(0, style.index) + ` style="${[...style[1].split(";").map((d) => d.trim()).filter((d) => d && !d.toLowerCase().startsWith(prop)), decl].join(";")}"` + tag.slice(style.index + style[0].length)
    : tag.replace(/^<(img|video|div)/, `<$1 style="${decl}"`);
  return html.slice(0, m.index) + next + html.slice(m.index + tag.length);
}
