// Shared by seed-hidden.ts and the sweep: what was seeded, and the markers each part carries.
import fs from "node:fs";
import path from "node:path";

export const HIDDEN_FILE = "hidden-sweep.json";
export const HIDDEN_PASSWORD = "sweep-open-sesame";
/** "password" is a published post with a password; the others are post statuses. */
export const HIDDEN_STATUSES = ["draft", "pending", "future", "private", "trash", "password"] as const;
/** A draft post with a password (the key of one more item). */
export const LOCKED_DRAFT = "lockeddraft-post";
/** Every seeded item's key: `${status}-${type}`, and the locked draft. */
export const HIDDEN_KEYS = [...(["post", "page"] as const).flatMap((t) => HIDDEN_STATUSES.map((s) => `${s}-${t}`)), LOCKED_DRAFT];

export interface HiddenItem {
  key: string;
  type: "post" | "page";
  /** The post's status, or "password" for a published post behind a password. */
  status: string;
  id: number;
  slug: string;
  permalink: string;
  commentId: number;
  mediaId: number;
}
export interface HiddenSeed {
  items: HiddenItem[];
  control: HiddenItem;
  adminNicename: string;
}

/** t title, s slug, b body, e excerpt, c comment, r revision, m media. */
export const marker = (part: "t" | "s" | "b" | "e" | "c" | "r" | "m", key: string) => `hidmk-${part}-${key}`;

export function readHiddenSeed(): HiddenSeed {
  return JSON.parse(fs.readFileSync(path.join(process.env.INKWELL_DATA_DIR || "data/e2e", HIDDEN_FILE), "utf8")) as HiddenSeed;
}
