// WordPress's audio, video and file blocks as atoms: the player or the download link is shown as
// readers see it and moved or removed whole. Captions on audio and video are plain text here.
import { Node } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";

const captionOf = (dom: HTMLElement) => dom.querySelector(":scope > figcaption")?.textContent ?? "";
const withCaption = (spec: DOMOutputSpec[], caption: string): DOMOutputSpec[] => (caption ? [...spec, ["figcaption", { class: "wp-element-caption" }, caption]] : spec);

function playerBlock(name: "audioBlock" | "videoBlock", tag: "audio" | "video") {
  return Node.create({
    name,
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,
    addAttributes() {
      return { src: { default: "", rendered: false, parseHTML: () => null }, caption: { default: "", rendered: false, parseHTML: () => null } };
    },
    parseHTML() {
      return [
        {
          tag: `figure.wp-block-${tag}`,
          getAttrs: (dom: HTMLElement) => {
            const el = dom.querySelector(tag);
            return el?.getAttribute("src") ? { src: el.getAttribute("src"), caption: captionOf(dom) } : false;
          },
        },
      ];
    },
    renderHTML({ node }) {
      return ["figure", { class: `wp-block-${tag}` }, ...withCaption([[tag, { controls: "", src: node.attrs.src }]], node.attrs.caption)] as DOMOutputSpec;
    },
  });
}

export const AudioBlock = playerBlock("audioBlock", "audio");
export const VideoBlock = playerBlock("videoBlock", "video");

export const FileBlock = Node.create({
  name: "fileBlock",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { href: { default: "", rendered: false, parseHTML: () => null }, name: { default: "", rendered: false, parseHTML: () => null }, key: { default: "", rendered: false, parseHTML: () => null } };
  },
  parseHTML() {
    return [
      {
        tag: "div.wp-block-file",
        getAttrs: (dom: HTMLElement) => {
          const link = dom.querySelector("a:not(.wp-block-file__button)");
          if (!link?.getAttribute("href")) return false;
          return { href: link.getAttribute("href"), name: link.textContent ?? "", key: (link.id ?? "").replace(/^wp-block-file--media-/, "") };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const { href, name, key } = node.attrs as { href: string; name: string; key: string };
    const id = `wp-block-file--media-${key}`;
    return [
      "div",
      { class: "wp-block-file" },
      ["a", { id, href }, name],
      ["a", { href, class: "wp-block-file__button wp-element-button", download: "", "aria-describedby": id }, "Download"],
    ];
  },
});
