// WordPress's image block (figure.wp-block-image) and gallery (figure.wp-block-gallery) as tiptap
// nodes. The caption is the node's own inline content, so it is typed in place under the image;
// the rest (alt, size, alignment, link) are attributes set from a small toolbar on the selected
// image and the media dialog. The HTML is the same string lib/media/block-markup.ts builds.
import { Node, mergeAttributes } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import type { DOMOutputSpec, Node as PMNode } from "@tiptap/pm/model";
import { galleryClass, imageFigureClass, IMAGE_ALIGNS, IMAGE_SIZE_SLUGS, type ImageAlign, type ImageSizeSlug } from "@/lib/media/block-markup";
import { openMediaDialog, resizeImage } from "../media/open";

const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

function readAlign(cls: string): ImageAlign {
  const m = /\balign(left|center|right|wide|full)\b/.exec(cls);
  return (m?.[1] as ImageAlign | undefined) ?? "none";
}

export function imageFigureSpec(node: PMNode): DOMOutputSpec {
  const a = node.attrs as { id: number | null; src: string; alt: string; width: number | null; height: number | null; sizeSlug: ImageSizeSlug; align: ImageAlign; href: string };
  const img: Record<string, string> = { src: a.src, alt: a.alt };
  if (a.id) img.class = `wp-image-${a.id}`;
  if (a.width && a.height) Object.assign(img, { width: String(a.width), height: String(a.height) });
  const image: DOMOutputSpec = a.href ? ["a", { href: a.href }, ["img", img]] : ["img", img];
  const figure = { class: imageFigureClass(a) };
  // WordPress writes no figcaption when there is no caption.
  return node.content.size ? ["figure", figure, image, ["figcaption", { class: "wp-element-caption" }, 0]] : ["figure", figure, image];
}

const SIZE_LABELS: Record<ImageSizeSlug, string> = { thumbnail: "Thumbnail", medium: "Medium", large: "Large", full: "Full size" };
const ALIGN_LABELS: Record<ImageAlign, string> = { none: "None", left: "Left", center: "Center", right: "Right", wide: "Wide width", full: "Full width" };

function select(label: string, options: Record<string, string>, value: string, onChange: (v: string) => void) {
  const el = document.createElement("select");
  el.setAttribute("aria-label", label);
  el.title = label;
  for (const [v, text] of Object.entries(options)) el.add(new Option(text, v, false, v === value));
  el.addEventListener("change", () => onChange(el.value));
  return el;
}

function button(label: string, onClick: () => void) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

export const ImageFigure = Node.create({
  name: "imageFigure",
  group: "block",
  content: "inline*",
  marks: "bold italic link code strike",
  draggable: true,
  selectable: true,
  isolating: true,

  addAttributes() {
    // Read by the rule's getAttrs only: tiptap would otherwise take a figure's own id="" as the image's.
    const plain = (d: unknown) => ({ default: d, rendered: false, parseHTML: () => null });
    return {
      id: plain(null),
      src: plain(""),
      alt: plain(""),
      width: plain(null),
      height: plain(null),
      sizeSlug: plain("large"),
      align: plain("none"),
      href: plain(""),
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure.wp-block-image",
        // An empty element when there is no caption, so the img is never read as caption text.
        contentElement: (dom: HTMLElement) => dom.querySelector(":scope > figcaption") ?? document.createElement("figcaption"),
        getAttrs: (dom: HTMLElement) => {
          const img = dom.querySelector("img");
          if (!img) return false;
          const cls = dom.getAttribute("class") ?? "";
          const size = /\bsize-(\w+)\b/.exec(cls)?.[1] as ImageSizeSlug | undefined;
          return {
            id: num(/\bwp-image-(\d+)\b/.exec(img.getAttribute("class") ?? "")?.[1] ?? null),
            src: img.getAttribute("src") ?? "",
            alt: img.getAttribute("alt") ?? "",
            width: num(img.getAttribute("width")),
            height: num(img.getAttribute("height")),
            sizeSlug: size && IMAGE_SIZE_SLUGS.includes(size) ? size : "full",
            align: readAlign(cls),
            href: img.parentElement?.tagName === "A" ? (img.parentElement.getAttribute("href") ?? "") : "",
          };
        },
      },
    ];
  },

  renderHTML({ node }) {
    return imageFigureSpec(node);
  },

  addNodeView() {
    return ({ node: initial, getPos, editor }) => {
      let node = initial;
      const dom = document.createElement("figure");
      const img = document.createElement("img");
      img.contentEditable = "false";
      img.draggable = false;
      const caption = document.createElement("figcaption");
      caption.className = "wp-element-caption";
      caption.dataset.placeholder = "Add caption";
      const bar = document.createElement("div");
      bar.className = "ink-block-toolbar";
      bar.contentEditable = "false";
      bar.setAttribute("role", "toolbar");
      bar.setAttribute("aria-label", "Image");
      dom.append(img, caption, bar);

      const pos = () => (typeof getPos === "function" ? getPos() : undefined);
      const set = (attrs: Record<string, unknown>) => {
        const p = pos();
        if (p === undefined) return;
        editor.view.dispatch(editor.state.tr.setNodeMarkup(p, undefined, { ...node.attrs, ...attrs }));
      };
      const selectSelf = () => {
        const p = pos();
        if (p !== undefined) editor.view.dispatch(editor.state.tr.setSelection(NodeSelection.create(editor.state.doc, p)));
      };
      // Clicking the picture selects the block (as in WordPress); the caption takes a caret.
      img.addEventListener("mousedown", (e) => {
        e.preventDefault();
        editor.view.focus();
        selectSelf();
      });

      const render = () => {
        const a = node.attrs;
        dom.className = `${imageFigureClass(a as { align: ImageAlign; sizeSlug: ImageSizeSlug })} ink-figure`;
        img.src = a.src;
        img.alt = a.alt;
        if (a.width && a.height) {
          img.width = a.width;
          img.height = a.height;
        } else {
          img.removeAttribute("width");
          img.removeAttribute("height");
        }
        caption.classList.toggle("is-empty", node.content.size === 0);
        dom.dataset.missingAlt = a.alt ? "false" : "true";
        bar.replaceChildren(
          button(a.alt ? "Alt text" : "Add alt text", () => openMediaDialog(editor, { kind: "image", edit: pos() })),
          select("Image size", SIZE_LABELS, a.sizeSlug, (v) => void resizeImage(editor, pos(), v as ImageSizeSlug)),
          select("Align", ALIGN_LABELS, a.align, (v) => IMAGE_ALIGNS.includes(v as ImageAlign) && set({ align: v })),
          button(a.href ? "Edit link" : "Link", () => openMediaDialog(editor, { kind: "image", edit: pos(), focus: "link" })),
          button("Replace", () => openMediaDialog(editor, { kind: "image", replace: pos() })),
          button("Remove image", () => {
            const p = pos();
            if (p !== undefined) editor.chain().focus().deleteRange({ from: p, to: p + node.nodeSize }).run();
          }),
        );
      };
      render();

      return {
        dom,
        contentDOM: caption,
        update: (next) => {
          if (next.type !== node.type) return false;
          node = next;
          render();
          return true;
        },
        selectNode: () => dom.classList.add("is-selected"),
        deselectNode: () => dom.classList.remove("is-selected"),
        stopEvent: (e) => bar.contains(e.target as HTMLElement),
        ignoreMutation: (m) => bar.contains(m.target) || m.target === img || (m.type === "attributes" && m.target === dom),
      };
    };
  },
});

/** Nested image figures, in columns, cropped to squares or not (WordPress 6.x's gallery). */
export const ImageGallery = Node.create({
  name: "imageGallery",
  group: "block",
  content: "imageFigure+",
  draggable: true,
  selectable: true,
  isolating: true,

  addAttributes() {
    return { columns: { default: 3, rendered: false, parseHTML: () => null }, crop: { default: true, rendered: false, parseHTML: () => null } };
  },

  parseHTML() {
    return [
      {
        tag: "figure.wp-block-gallery",
        getAttrs: (dom: HTMLElement) => {
          const cls = dom.getAttribute("class") ?? "";
          const cols = /\bcolumns-(\d)\b/.exec(cls)?.[1];
          return { columns: cols ? Number(cols) : 3, crop: /\bis-cropped\b/.test(cls) };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["figure", mergeAttributes(HTMLAttributes, { class: galleryClass(node.attrs.columns, node.attrs.crop) }), 0];
  },

  addNodeView() {
    return ({ node: initial, getPos, editor }) => {
      let node = initial;
      const dom = document.createElement("div");
      dom.className = "ink-gallery";
      const bar = document.createElement("div");
      bar.className = "ink-block-toolbar";
      bar.contentEditable = "false";
      bar.setAttribute("role", "toolbar");
      bar.setAttribute("aria-label", "Gallery");
      const figure = document.createElement("figure");
      dom.append(figure, bar);
      const set = (attrs: Record<string, unknown>) => {
        const p = typeof getPos === "function" ? getPos() : undefined;
        if (p !== undefined) editor.view.dispatch(editor.state.tr.setNodeMarkup(p, undefined, { ...node.attrs, ...attrs }));
      };
      const render = () => {
        figure.className = galleryClass(node.attrs.columns, node.attrs.crop);
        const cols = select("Columns", Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [String(n), `${n} columns`])), String(node.attrs.columns), (v) => set({ columns: Number(v) }));
        const crop = document.createElement("label");
        const box = document.createElement("input");
        box.type = "checkbox";
        box.checked = node.attrs.crop;
        box.addEventListener("change", () => set({ crop: box.checked }));
        crop.append(box, " Crop images");
        bar.replaceChildren(cols, crop);
      };
      render();
      return {
        dom,
        contentDOM: figure,
        update: (next) => {
          if (next.type !== node.type) return false;
          node = next;
          render();
          return true;
        },
        stopEvent: (e) => bar.contains(e.target as HTMLElement),
        ignoreMutation: (m) => bar.contains(m.target) || (m.type === "attributes" && m.target === figure),
      };
    };
  },
});
