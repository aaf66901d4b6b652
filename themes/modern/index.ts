import type { Theme } from "../types";
import { ModernLayout } from "./layout";
import { ModernPostSingle, ModernPostSummary } from "./post";
import { ModernCommentList } from "./comments";
import { THEME_META } from "./meta";

export const modernTheme: Theme = {
  ...THEME_META,
  Layout: ModernLayout,
  PostSummary: ModernPostSummary,
  PostSingle: ModernPostSingle,
  CommentList: ModernCommentList,
};
