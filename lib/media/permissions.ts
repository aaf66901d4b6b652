// Attachments follow the post rules of WordPress's map_meta_cap: your own with upload_files,
// anyone's with edit_others_posts (editors, administrators).
import { roleCan, type Actor } from "@/lib/auth/capabilities";

export function canEditMedia(user: Actor, item: { authorId: number | null }): boolean {
  if (!roleCan(user.role, "upload_files")) return false;
  return item.authorId === user.id || roleCan(user.role, "edit_others_posts");
}

export function canDeleteMedia(user: Actor, item: { authorId: number | null }): boolean {
  if (!roleCan(user.role, "upload_files")) return false;
  return item.authorId === user.id || roleCan(user.role, "delete_others_posts");
}
