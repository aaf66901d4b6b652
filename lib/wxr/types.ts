// What a WXR file holds, as plain data: the parser produces it, the importer and the exporter's
// tests consume it. Field names follow the WXR element names (without the wp: prefix).

export interface WxrMeta {
  key: string;
  value: string;
}

export interface WxrAuthor {
  id: number;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  id: number;
  taxonomy: string; // category, post_tag, or a custom taxonomy (wp:term)
  slug: string;
  name: string;
  parentSlug: string;
  description: string;
  meta: WxrMeta[];
}

export interface WxrComment {
  id: number;
  author: string;
  authorEmail: string;
  authorUrl: string;
  authorIp: string;
  date: string;
  dateGmt: string;
  content: string;
  approved: string;
  type: string;
  parent: number;
  userId: number;
  meta: WxrMeta[];
}

export interface WxrItemTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  title: string;
  link: string;
  pubDate: string;
  creator: string;
  guid: string;
  description: string;
  content: string;
  excerpt: string;
  postId: number;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  pingStatus: string;
  postName: string;
  status: string;
  postParent: number;
  menuOrder: number;
  postType: string;
  postPassword: string;
  isSticky: boolean;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: WxrMeta[];
  comments: WxrComment[];
}

export interface WxrSite {
  title: string;
  link: string;
  description: string;
  language: string;
  wxrVersion: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrHandlers {
  site?(site: WxrSite): void;
  author?(author: WxrAuthor): void;
  term?(term: WxrTerm): void;
  item?(item: WxrItem): void;
}

/** A file that cannot be read as WXR; line and column say where, when known (1-based). */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line ? `${message} (line ${line}, column ${column ?? 0})` : message);
    this.name = "WxrError";
  }
}
