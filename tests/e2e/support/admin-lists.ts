// What seed-admin-lists.ts made, for admin/list-tables.spec.ts. Nothing here is public: drafts,
// one private post and empty categories, so readers' pages and other specs' counts do not change.
export const LISTS_SEED = {
  rangeStem: "Range pick",
  rangeCount: 5,
  counted: { title: "List tables counted", date: "2030-01-01 10:00:00", approved: 2, pending: 1 },
  shelfCount: 15,
} as const;
