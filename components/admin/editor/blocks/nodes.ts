// The WordPress blocks the visual editor can edit, as tiptap nodes whose HTML is the block's own
// markup (wp-block-* classes), so a classic post that uses them looks the same on the site.
import { Extension, Node, mergeAttributes } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { Details, DetailsContent, DetailsSummary } from "@tiptap/extension-details";
import { RawCard } from "./raw-card";

/** Top-level node types that remember the block they were opened from (see serialize.ts). */
export const BLOCK_NODE_TYPES = ["paragraph", "heading", "bulletList", "orderedList", "blockquote", "pullquote", "codeBlock", "table", "buttons", "columns", "horizontalRule", "details", "imageFigure", "imageGallery", "audioBlock", "videoBlock", "fileBlock", "wpMarker"];

// The source a block was opened with, the fresh markup it had then (to tell whether it changed),
// and the attributes and classes we do not edit but keep. Never copied to the new half of a split.
const BlockOrigin = Extension.create({
  name: "wpBlockOrigin",
  addGlobalAttributes() {
    const hidden = { default: null, rendered: false, keepOnSplit: false };
    return [{ types: BLOCK_NODE_TYPES, attributes: { wpSource: hidden, wpFresh: hidden, wpAttrs: hidden, wpClass: hidden, wpStyle: hidden } }];
  },
});

const QuoteCite = Node.create({
  name: "quoteCite",
  group: "block",
  content: "inline*",
  marks: "bold italic link",
  defining: true,
  parseHTML: () => [{ tag: "cite", context: "blockquote/" }, { tag: "cite", context: "pullquote/" }],
  renderHTML: ({ HTMLAttributes }) => ["cite", HTMLAttributes, 0],
});

const Pullquote = Node.create({
  name: "pullquote",
  group: "block",
  content: "paragraph+ quoteCite?",
  defining: true,
  parseHTML: () => [{ tag: "figure.wp-block-pullquote", contentElement: "blockquote" }],
  renderHTML: ({ HTMLAttributes }) => ["figure", mergeAttributes(HTMLAttributes, { class: "wp-block-pullquote" }), ["blockquote", 0]],
});

const Buttons = Node.create({
  name: "buttons",
  group: "block",
  content: "button+",
  defining: true,
  parseHTML: () => [{ tag: "div.wp-block-buttons" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { class: "wp-block-buttons" }), 0],
});

const Button = Node.create({
  name: "button",
  content: "text*",
  marks: "",
  defining: true,
  addAttributes: () => ({ href: { default: "" } }),
  parseHTML: () => [
    { tag: "div.wp-block-button", contentElement: "a", getAttrs: (el: HTMLElement) => ({ href: el.querySelector("a")?.getAttribute("href") ?? "" }) },
    { tag: "a.wp-block-button__link", getAttrs: (el: HTMLElement) => ({ href: el.getAttribute("href") ?? "" }) },
  ],
  renderHTML: ({ node }) => ["div", { class: "wp-block-button" }, ["a", { class: "wp-block-button__link wp-element-button", href: node.attrs.href || null }, 0]],
});

const Columns = Node.create({
  name: "columns",
  group: "block",
  content: "column+",
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: "div.wp-block-columns" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { class: "wp-block-columns" }), 0],
});

const Column = Node.create({
  name: "column",
  content: "block+",
  defining: true,
  isolating: true,
  parseHTML: () => [{ tag: "div.wp-block-column" }],
  renderHTML: ({ HTMLAttributes }) => ["div", mergeAttributes(HTMLAttributes, { class: "wp-block-column" }), 0],
});

// WordPress wraps a table in <figure class="wp-block-table">; the rows are what we edit, in the
// same markup (no column widths: themes lay tables out).
const BlockTable = Table.extend({
  parseHTML() {
    return [{ tag: "figure.wp-block-table", contentElement: "table" }, { tag: "table" }];
  },
  renderHTML() {
    return ["figure", { class: "wp-block-table" }, ["table", ["tbody", 0]]];
  },
});

// The details extension hides a closed block's body with the hidden attribute (which Tailwind's
// preflight enforces with !important). WordPress's editor shows the body while you write; so
// do we, by taking the attribute off after each render (the node view ignores that mutation).
const DetailsOpenInEditor = Extension.create({
  name: "detailsOpenInEditor",
  addProseMirrorPlugins() {
    const reveal = (root: HTMLElement) => root.querySelectorAll('[data-type="detailsContent"][hidden]').forEach((el) => el.removeAttribute("hidden"));
    return [new Plugin({ view: (view) => (reveal(view.dom), { update: (v) => reveal(v.dom) }) })];
  },
});

export function blockExtensions() {
  return [
    BlockOrigin,
    QuoteCite,
    Pullquote,
    Buttons,
    Button,
    Columns,
    Column,
    BlockTable.configure({ resizable: false, View: null }),
    TableRow,
    TableHeader,
    TableCell,
    // Readers get a closed <details>, as WordPress's default.
    Details.configure({ HTMLAttributes: { class: "wp-block-details" } }),
    DetailsSummary,
    DetailsContent,
    DetailsOpenInEditor,
    RawCard,
  ];
}
