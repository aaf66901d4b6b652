// "```" (or "```js") then Enter starts a code block, as in Markdown editors and WordPress;
// StarterKit's own rule only fires on "``` " with a space.
import { Extension } from "@tiptap/core";

export const CodeFenceOnEnter = Extension.create({
  name: "codeFenceOnEnter",
  // Before the base keymap's Enter, which would split the paragraph.
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== "paragraph") return false;
        const m = /^```([\w+-]*)$/.exec($from.parent.textContent);
        if (!m || $from.parentOffset !== $from.parent.content.size) return false;
        return editor.chain().deleteRange({ from: $from.start(), to: $from.end() }).setCodeBlock(m[1] ? { language: m[1] } : undefined).run();
      },
    };
  },
});
