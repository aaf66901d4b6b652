// A picture in a classic post as WordPress's classic editor writes it: `<img class="alignleft
// size-medium wp-image-5" …>`, usually inside a link to the full file. Both the classes (they place
// and size it in every theme) and the link are kept, so such a post opens in the visual editor
// and is saved as it was.
import Image from "@tiptap/extension-image";
import type { DOMOutputSpec } from "@tiptap/pm/model";

const linked = (a: HTMLElement) => {
  const img = a.children.length === 1 && a.firstElementChild?.localName === "img" && !a.textContent?.trim() ? a.firstElementChild : null;
  return img?.getAttribute("src") ? (img as HTMLImageElement) : null;
};

export const ClassicImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      class: { default: null },
      href: { default: null, rendered: false, parseHTML: (el: HTMLElement) => (el.localName === "a" ? el.getAttribute("href") : null) },
    };
  },
  parseHTML() {
    return [
      // Above the link mark's rule: an image that is a link's only content is one linked image.
      {
        tag: "a[href]",
        priority: 1100,
        getAttrs: (a: HTMLElement) => {
          const img = linked(a);
          if (!img) return false;
          const attrs = Object.fromEntries(["src", "alt", "title", "width", "height", "class"].map((n) => [n, img.getAttribute(n)]));
          return { ...attrs, href: a.getAttribute("href") };
        },
      },
      { tag: "img[src]" },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    const img: DOMOutputSpec = ["img", HTMLAttributes];
    return node.attrs.href ? ["a", { href: node.attrs.href }, img] : img;
  },
}).configure({ inline: false });
