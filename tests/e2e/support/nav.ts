// What seed-z-nav-menus.ts made, for admin/menus.spec.ts and reading/admin-bar.spec.ts.
export const NAV_SEED = {
  authorPost: { title: "Nav author's own post", slug: "nav-author-own", url: "/2019/06/01/nav-author-own/" },
  adminPost: { title: "Nav administrator's post", slug: "nav-admin-post", url: "/2019/06/01/nav-admin-post/" },
  page: { title: "Nav Top Page", slug: "nav-top-page", url: "/nav-top-page/" },
  childPage: { title: "Nav Child Page", slug: "nav-child-page", url: "/nav-top-page/nav-child-page/" },
} as const;
