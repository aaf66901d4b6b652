"use client";

// The editor's server actions, given once to PostForm by its screen (app/admin/posts/_components/)
// and read here by the leaves deep inside it (the link field, the media dialog, paste): the
// editor's components never import app/.
import { createContext, useContext } from "react";
import type { EditorActions } from "@/lib/posts/editor-results";

export const EditorActionsContext = createContext<EditorActions | null>(null);

export function useEditorActions(): EditorActions {
  const actions = useContext(EditorActionsContext);
  if (!actions) throw new Error("The editor's components render inside PostForm, which provides its actions.");
  return actions;
}
