// What the shortcode renderers know of a media-library item (URLs, never disk paths).
export interface ShortcodeMediaSize {
  url: string;
  width: number;
  height: number;
}

export interface ShortcodeMedia {
  id: number;
  url: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  title: string;
  alt: string;
  /** WordPress's post_excerpt of an attachment: the caption galleries show. */
  caption: string;
  createdGmt: string;
  postId: number | null;
  sizes: Record<string, ShortcodeMediaSize>;
}

/** The media a piece of content may need, loaded beforehand so that rendering stays synchronous. */
export interface ShortcodeMediaSet {
  byId: Map<number, ShortcodeMedia>;
  /** Attachments of each post, for [gallery], [audio], [video] and [playlist] without ids. */
  attachedTo: Map<number, ShortcodeMedia[]>;
}

export interface ShortcodeContext {
  postId: number;
  media?: ShortcodeMediaSet;
}

export const NO_MEDIA: ShortcodeMediaSet = { byId: new Map(), attachedTo: new Map() };
