// WordPress's status flow for the editor's buttons: which status a save ends in, given what the
// person pressed, what they may do, the visibility and the date.
import type { PostStatus } from "@/db/schema";

export const INTENTS = ["save_draft", "submit_review", "publish", "update", "switch_draft"] as const;
export type Intent = (typeof INTENTS)[number];
export type Visibility = "public" | "password" | "private";

export interface StatusInput {
  intent: Intent;
  /** The stored status, or null for a post not saved yet. */
  current: PostStatus | null;
  canPublish: boolean;
  visibility: Visibility;
  /** The post's date in UTC ms, and now. */
  dateMs: number;
  nowMs: number;
}

const LIVE: PostStatus[] = ["publish", "future", "private"];

export function isLive(status: PostStatus | null): boolean {
  return !!status && LIVE.includes(status);
}

/**
 * The resulting status, or an error when the person may not reach it. As in WordPress, a
 * contributor pressing Publish submits for review instead, and a date in the future schedules.
 */
export function resolveStatus(s: StatusInput): { status: PostStatus } | { error: string } {
  const publishLike = (): PostStatus => {
    if (s.visibility === "private") return "private";
    return s.dateMs > s.nowMs ? "future" : "publish";
  };
  switch (s.intent) {
    case "save_draft":
      // Saving a pending post keeps it in review: only an editor's Switch to Draft takes it back.
      return { status: s.current === "pending" ? "pending" : "draft" };
    case "submit_review":
      return { status: "pending" };
    case "switch_draft":
      return { status: "draft" };
    case "publish":
      if (!s.canPublish) return { status: "pending" };
      return { status: publishLike() };
    case "update":
      if (!isLive(s.current)) return { status: s.current === "pending" ? "pending" : "draft" };
      if (!s.canPublish) return { error: "You are not allowed to edit published posts." };
      return { status: publishLike() };
  }
}

/** May this role move a post from `from` to `to`? (Trash and restore are separate.) */
export function canTransition(from: PostStatus | null, to: PostStatus, canPublish: boolean): boolean {
  if (to === "publish" || to === "future" || to === "private") return canPublish;
  if (from && isLive(from) && !canPublish) return false;
  return true;
}
