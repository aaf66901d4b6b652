import type { PickerMedia } from "@/lib/media/view";

export interface EditorInitial {
  id: number | null;
  version: number;
  status: "publish" | "future" | "draft" | "pending" | "private" | "trash" | null;
  title: string;
  slug: string;
  content: string;
  excerpt: string;
  categoryIds: number[];
  tags: string;
  featuredMediaId: number | null;
  commentOpen: boolean;
  pingOpen: boolean;
  toPing: string;
  visibility: "public" | "password" | "private";
  password: string;
  sticky: boolean;
  authorId: number;
  /** "YYYY-MM-DDTHH:MM:SS" local, or "" for "immediately". */
  date: string;
  parentId: number | null;
  menuOrder: number;
  /** The fediverse post this post replies to, or "". */
  inReplyTo: string;
}

export interface EditorOptions {
  type: "post" | "page";
  canPublish: boolean;
  canEditOthers: boolean;
  canManageCategories: boolean;
  categories: { id: number; name: string; depth: number }[];
  tagSuggestions: string[];
  authors: { id: number; displayName: string }[];
  parents: { id: number; title: string; depth: number }[];
  images: PickerMedia[];
  /** Upload limits for the media dialog; null for roles without upload_files. */
  media: { maxBytes: number; maxLabel: string; accept: string } | null;
  timeZone: string;
  /** The site's UTC offset now, in minutes, to tell in the browser whether a date is in the future. */
  tzOffsetMinutes: number;
  /** Where the post lives when published; null before. */
  permalink: string | null;
  revisionsCount: number;
  autosave: { title: string; content: string; excerpt: string; createdGmt: string } | null;
  notice: string | null;
  filtered: boolean;
  /** The active theme's name: the writing canvas and the title wear its typography. */
  theme: string;
}
