// The comment list re-uses Classic's markup for now; the tokens give it this theme's look.
export { ClassicCommentList as ModernCommentList } from "../classic/comments";
