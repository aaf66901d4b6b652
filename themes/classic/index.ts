import type { Theme } from "../types";
import { ClassicLayout } from "./layout";
import { ClassicPostSingle, ClassicPostSummary } from "./post";
import { ClassicCommentList } from "./comments";
import { THEME_META } from "./meta";

export const classicTheme: Theme = {
  ...THEME_META,
  Layout: ClassicLayout,
  PostSummary: ClassicPostSummary,
  PostSingle: ClassicPostSingle,
  CommentList: ClassicCommentList,
};
