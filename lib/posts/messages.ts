// What the editor says after a save, keyed by the status the post ended in.
import type { PostStatus } from "@/db/schema";

export const SAVED_MESSAGES: Record<string, string> = {
  draft: "Draft saved.",
  pending: "Submitted for review. An editor will look at it.",
  publish: "Published.",
  updated: "Updated.",
  future: "Scheduled.",
  private: "Privately published.",
  restored: "Restored the revision.",
  autosave: "Restored the autosave. Save to keep it.",
};

export function savedMessageKey(before: PostStatus | null, after: PostStatus): string {
  if (after === "publish" && before === "publish") return "updated";
  return after === "trash" ? "draft" : after;
}
