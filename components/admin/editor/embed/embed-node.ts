// The embed block: a URL pasted or typed alone on its line (YouTube, Vimeo… see
// lib/content/embeds.ts) becomes a player previewed in the canvas, stored as WordPress's block
// editor stores it: <!-- wp:embed {…} --><figure class="wp-block-embed …"><div
// class="wp-block-embed__wrapper">URL</div></figure><!-- /wp:embed -->. The site builds the player
// from the URL when it renders the post, so the stored HTML holds no iframe.
import { Node } from "@tiptap/core";
import { NodeSelection, Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { DOMSerializer, type Node as PMNode } from "@tiptap/pm/model";
import type { EditorView } from "@tiptap/pm/view";
import { embedBlockHtml, parseEmbedUrl, playerHtml } from "@/lib/content/embeds";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    embed: {
      /** Replaces the current empty paragraph (or inserts) an embed of this URL; false for a URL no provider plays. */
      setEmbed: (url: string) => ReturnType;
    };
  }
}

const COMMENT_NODE = 8;

/** The block's opening comment as written (for byte-for-byte round trips), or a new one. */
function openingComment(url: string, written: string | null): string | null {
  if (written) return written;
  const html = embedBlockHtml(url);
  return html ? /^<!--([\s\S]*?)-->/.exec(html)![1]! : null;
}

/** The URL alone in the paragraph at the cursor, when a provider plays it. */
function loneEmbedUrl(view: EditorView): string | null {
  const { $from, empty } = view.state.selection;
  if (!empty || $from.parent.type.name !== "paragraph" || $from.depth !== 1) return null;
  const text = $from.parent.textContent.trim();
  return parseEmbedUrl(text) ? text : null;
}

class BlockCommentSerializer extends DOMSerializer {
  serializeNodeInner(node: PMNode, options: { document?: Document }): globalThis.Node {
    const inner = (DOMSerializer.prototype as unknown as { serializeNodeInner: (this: DOMSerializer, n: PMNode, o: object) => globalThis.Node }).serializeNodeInner;
    const dom = inner.call(this, node, options);
    if (node.type.name !== "embed") return dom;
    const open = openingComment(String(node.attrs.url), node.attrs.comment as string | null);
    if (!open) return dom;
    const doc = dom.ownerDocument!;
    const frag = doc.createDocumentFragment();
    frag.append(doc.createComment(open), dom, doc.createComment(" /wp:embed "));
    return frag;
  }
}

export const EmbedNode = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      url: { default: "", rendered: false },
      comment: { default: null, rendered: false },
      className: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: "figure.wp-block-embed",
        priority: 100,
        getAttrs: (el) => {
          const url = el.querySelector(".wp-block-embed__wrapper")?.textContent?.trim();
          if (!url) return false;
          const prev = el.previousSibling;
          const comment = prev?.nodeType === COMMENT_NODE && /^\s*wp:embed\b/.test(prev.nodeValue ?? "") ? prev.nodeValue : null;
          return { url, comment, className: el.getAttribute("class") };
        },
      },
    ];
  },

  renderHTML({ node }) {
    const url = String(node.attrs.url);
    const e = parseEmbedUrl(url);
    const className = (node.attrs.className as string | null) ?? (e ? `wp-block-embed is-type-${e.type} is-provider-${e.provider} wp-block-embed-${e.provider}` : "wp-block-embed");
    return ["figure", { class: className }, ["div", { class: "wp-block-embed__wrapper" }, url]];
  },

  // getHTML() writes the block's comments around its figure. ProseMirror's output specs can only
  // be elements, so the schema's serializer (which getHTML and copying use) adds them.
  onBeforeCreate() {
    const schema = this.editor.schema;
    schema.cached.domSerializer = new BlockCommentSerializer(DOMSerializer.nodesFromSchema(schema), DOMSerializer.marksFromSchema(schema));
  },

  addNodeView() {
    return ({ node }) => {
      const url = String(node.attrs.url);
      const e = parseEmbedUrl(url);
      const dom = document.createElement("figure");
      dom.className = "ink-embed wp-block-embed my-4";
      dom.contentEditable = "false";
      dom.setAttribute("aria-label", e ? `${e.name} embed` : "Embed");
      const player = dom.appendChild(document.createElement("div"));
      player.className = "wp-block-embed__wrapper";
      if (e) player.innerHTML = playerHtml(e);
      else player.textContent = url;
      const caption = dom.appendChild(document.createElement("figcaption"));
      caption.className = "ink-embed__url mt-1 break-all text-xs text-gray-600";
      caption.textContent = `${e ? e.name : "Link"}: ${url}`;
      return { dom };
    };
  },

  addCommands() {
    return {
      setEmbed:
        (url) =>
        ({ state, chain }) => {
          if (!parseEmbedUrl(url)) return false;
          const { $from } = state.selection;
          const replaceParagraph = $from.depth === 1 && $from.parent.type.name === "paragraph";
          const from = replaceParagraph ? $from.before() : $from.pos;
          const to = replaceParagraph ? $from.after() : $from.pos;
          // The cursor lands in a new paragraph after the player, so the next key never replaces it.
          return chain()
            .insertContentAt({ from, to }, [{ type: this.name, attrs: { url: url.trim() } }, { type: "paragraph" }])
            .setTextSelection(from + 2)
            .scrollIntoView()
            .run();
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      // A URL typed alone on its line becomes an embed when Enter ends the line.
      Enter: ({ editor }) => {
        const url = loneEmbedUrl(editor.view);
        if (!url || editor.state.selection.$from.parentOffset !== editor.state.selection.$from.parent.content.size) return false;
        return editor.commands.setEmbed(url);
      },
    };
  },

  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("inkwellEmbedPaste"),
        props: {
          // A URL pasted alone into an empty paragraph becomes an embed, as in WordPress.
          // Typing while the embed itself is selected (clicked) writes in a new paragraph after
          // it: a key never replaces the block. Backspace and Delete still remove it on purpose.
          handleTextInput: (view, _from, _to, text) => {
            const sel = view.state.selection;
            if (!(sel instanceof NodeSelection) || sel.node.type.name !== this.name) return false;
            const { schema } = view.state;
            const tr = view.state.tr.insert(sel.to, schema.nodes.paragraph!.create(null, schema.text(text)));
            tr.setSelection(TextSelection.create(tr.doc, sel.to + 1 + text.length));
            view.dispatch(tr.scrollIntoView());
            return true;
          },
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData("text/plain")?.trim() ?? "";
            const { $from, empty } = view.state.selection;
            if (!text || /\s/.test(text) || !empty || $from.parent.type.name !== "paragraph" || $from.parent.content.size > 0) return false;
            if (!parseEmbedUrl(text)) return false;
            return editor.commands.setEmbed(text);
          },
        },
      }),
    ];
  },
});
