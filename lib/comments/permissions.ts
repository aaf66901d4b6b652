// Who may moderate a comment: WordPress maps edit_comment to edit_post of the comment's post, so
// moderators (moderate_comments) act on every comment and an author on comments on their own posts.
import { canEditPost, roleCan, type Actor } from "@/lib/auth/capabilities";

export interface CommentPost {
  authorId: number;
  status: string;
  trashedFrom: string | null;
  type: "post" | "page";
}

export function canModerateAll(user: Actor): boolean {
  return roleCan(user.role, "moderate_comments");
}

export function canModerateCommentOn(user: Actor, post: CommentPost): boolean {
  return canModerateAll(user) || canEditPost(user, post);
}
