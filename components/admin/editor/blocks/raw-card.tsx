"use client";

// A block the visual editor does not know (a cover, latest posts, a shortcode, a plugin's block,
// raw HTML) is kept whole: its source is never parsed into nodes, so saving writes it back byte
// for byte. The card names the block, shows it as readers would see it, and offers its source.
import { useRef, useState } from "react";
import { Node } from "@tiptap/core";
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";

const LABELS: Record<string, string> = {
  "core/freeform": "Classic",
  "core/html": "Custom HTML",
  "core/shortcode": "Shortcode",
  "core/image": "Image",
  "core/gallery": "Gallery",
  "core/cover": "Cover",
  "core/group": "Group",
};

/** "core/latest-posts" → "Latest posts"; a plugin's "acme/map" keeps its namespace. */
export function blockLabel(name: string): string {
  if (LABELS[name]) return LABELS[name];
  const [ns, short] = name.includes("/") ? name.split("/", 2) : ["core", name];
  const words = short.replace(/-/g, " ");
  const nice = words.charAt(0).toUpperCase() + words.slice(1);
  return ns === "core" ? nice : `${nice} (${ns})`;
}

// Readers' markup without the delimiters; the preview frame has no scripts (sandbox without
// allow-scripts, and a CSP that says so), so whatever the block holds cannot run here.
// The page's own stylesheets (the site's block styles among them) dress the preview.
const sheets = () =>
  [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => `<link rel="stylesheet" href="${l.href.replace(/"/g, "&quot;")}">`).join("");
const preview = (source: string) =>
  `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">${sheets()}<style>body{margin:0;font:15px/1.5 system-ui,sans-serif;color:#1d2327;background:#fff}img,video{max-width:100%;height:auto}</style><div class="entry-content">${source.replace(/<!--\s+\/?wp:[^]*?-->/g, "")}</div>`;

function RawCardView({ node, updateAttributes, selected }: ReactNodeViewProps) {
  const [editing, setEditing] = useState(false);
  const [height, setHeight] = useState(80);
  const frame = useRef<HTMLIFrameElement>(null);
  const source = String(node.attrs.source ?? "");
  const name = String(node.attrs.name ?? "core/freeform");
  const label = blockLabel(name);
  const empty = !source.replace(/<!--[^]*?-->/g, "").trim();
  return (
    <NodeViewWrapper className={`wp-raw-card not-prose my-4 rounded border ${selected ? "border-[#2271b1] ring-2 ring-[#2271b1]" : "border-gray-300"} bg-white`} data-wp-block={name}>
      <div contentEditable={false} className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-200 bg-gray-50 px-3 py-1.5 text-sm">
        <span className="font-semibold text-gray-800">{label} block</span>
        <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)} className="rounded border border-gray-400 bg-white px-2 py-0.5 text-sm">
          {editing ? "Done" : "Edit as HTML"}
        </button>
      </div>
      <div contentEditable={false} className="p-2">
        {editing ? (
          <textarea
            aria-label={`HTML of the ${label} block`}
            value={source.replace(/^\s+/, "")}
            onChange={(e) => updateAttributes({ source: source.match(/^\s*/)?.[0] + e.target.value })}
            rows={Math.min(16, source.split("\n").length + 1)}
            className="block w-full rounded border border-gray-300 p-2 font-mono text-xs"
          />
        ) : empty ? (
          <p className="text-sm text-gray-600">This block is filled in by the site when the page is shown.</p>
        ) : (
          <iframe
            ref={frame}
            title={`Preview of the ${label} block`}
            sandbox="allow-same-origin"
            srcDoc={preview(source)}
            onLoad={() => setHeight(Math.min(600, (frame.current?.contentDocument?.documentElement.scrollHeight ?? 80) + 4))}
            style={{ height }}
            className="block w-full border-0"
          />
        )}
      </div>
    </NodeViewWrapper>
  );
}

export const RawCard = Node.create({
  name: "wpRaw",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes: () => ({
    name: { default: "core/freeform", parseHTML: (el: HTMLElement) => el.getAttribute("data-name") },
    source: { default: "", parseHTML: (el: HTMLElement) => el.getAttribute("data-source") ?? "" },
  }),
  parseHTML: () => [{ tag: "div[data-wp-raw]" }],
  renderHTML: ({ node }) => ["div", { "data-wp-raw": "", "data-name": node.attrs.name, "data-source": node.attrs.source }],
  addNodeView() {
    return ReactNodeViewRenderer(RawCardView);
  },
});
