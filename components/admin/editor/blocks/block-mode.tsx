"use client";

// Block mode of the visual editor: a post with WordPress block markup opens as blocks and is
// saved as block markup; anything else keeps the classic HTML in and out.
import { useState } from "react";
import { getHTMLFromFragment, type Editor, type JSONContent } from "@tiptap/core";
import { Fragment } from "@tiptap/pm/model";
import { blocksToDoc } from "./load";
import { serializeBlocks, type SerializeOptions } from "./serialize";
import { listBlocks } from "./registry";
import "./inserters";

const optionsFor = (editor: Editor): SerializeOptions => ({
  htmlOf: (node: JSONContent) => getHTMLFromFragment(Fragment.from(editor.schema.nodeFromJSON(node)), editor.schema),
});

function blockDocument() {
  let active = false;
  return {
    /** Whether the editor holds block content (and saves block markup). */
    isActive: () => active,
    load(editor: Editor, content: string) {
      active = true;
      editor.commands.setContent(blocksToDoc(content, editor.schema, optionsFor(editor)), { emitUpdate: false });
    },
    leave() {
      active = false;
    },
    serialize: (editor: Editor) => serializeBlocks(editor.getJSON(), optionsFor(editor)),
  };
}

/** One block document per editor, the same object for its whole life. */
export function useBlockDocument() {
  return useState(blockDocument)[0];
}

/** Every block the registry offers, for the keyboard and for screens without the "/" inserter. */
export function BlockInserterMenu({ editor }: { editor: Editor }) {
  return (
    <select
      aria-label="Insert block"
      value=""
      onChange={(ev) => {
        listBlocks().find((b) => b.id === ev.target.value)?.run(editor);
      }}
      className="rounded border border-gray-300 bg-white px-1 py-0.5 text-sm"
    >
      <option value="">Insert block…</option>
      {listBlocks().map((b) => (
        <option key={b.id} value={b.id}>{b.label}</option>
      ))}
    </select>
  );
}
