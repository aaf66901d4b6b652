// What the editor's server actions answer (app/admin/posts/*actions.ts): the contract between
// them and the editor's client components, which get the actions as props and never import app/.
import type { FormState } from "@/lib/form-state";

export type AutosaveResult = { ok: true; id: number; version: number; previewUrl: string; savedAt: string } | { ok: false; message: string };
export type AddCategoryResult = { ok: true; id: number; name: string; parentId: number | null } | { ok: false; message: string };
export type LinkTarget = { id: number; title: string; url: string; kind: "Post" | "Page"; status: "publish" | "private" };
export type LinkSearchResult = { ok: true; items: LinkTarget[] } | { ok: false; message: string };
export type PreviewResult = { ok: true; id: number; version: number; previewUrl: string } | { ok: false; message: string };
export type PasteResult = { ok: true; html: string } | { ok: false; message: string };

/** The server actions the editor calls, passed down from its screen (app/admin/posts/_components/). */
export interface EditorActions {
  save: (prev: FormState, formData: FormData) => Promise<FormState>;
  autosave: (raw: { id?: number | string; type?: string; title?: string; content?: string; excerpt?: string }) => Promise<AutosaveResult>;
  addCategory: (raw: { name?: string; parentId?: number | string | null }) => Promise<AddCategoryResult>;
  trash: (formData: FormData) => Promise<void>;
  preview: (raw: Record<string, unknown>) => Promise<PreviewResult>;
  searchLinks: (raw: { type?: string; query?: string }) => Promise<LinkSearchResult>;
  sanitizePaste: (raw: { html?: unknown }) => Promise<PasteResult>;
  saveMediaAlt: (input: { id: number; alt: string }) => Promise<{ ok: true } | { ok: false; message: string }>;
}
