import type { LayoutProps } from "../types";
import { THEME_META } from "./meta";
import { NavMenu } from "../shared/nav-menu";
import { MenuList } from "../shared/menu-list";
import { HeaderImage, SiteLogo } from "../shared/site-branding";

export function ModernLayout({ site, sidebar, children, menus }: LayoutProps) {
  return (
    <div data-theme="modern" className="@container min-h-screen bg-paper font-body text-ink">
      <a href="#content" className="sr-only-focusable absolute left-2 top-2 z-10 bg-paper p-2 underline">Skip to content</a>
      {site.headerImage ? <HeaderImage image={site.headerImage} className="mx-auto max-w-4xl overflow-hidden px-5 pt-6 [&_img]:rounded-lg" /> : null}
      <header className="mx-auto max-w-2xl px-5 pb-6 pt-10 text-center">
        <SiteLogo site={site} className="mb-3" />
        <p className="font-heading text-2xl font-extrabold tracking-tight sm:text-3xl">
          <a href={site.homeUrl} className="text-ink hover:text-accent">{site.name}</a>
        </p>
        {site.description ? <p className="mt-2 font-heading text-sm text-muted">{site.description}</p> : null}
        {menus?.header.length ? (
          <div className="modern-nav mt-4 font-heading text-sm">
            <NavMenu items={menus.header} label="Primary" id="primary-menu" />
          </div>
        ) : null}
      </header>
      <main id="content" className="mx-auto max-w-2xl px-5 pb-12">{children}</main>
      <aside aria-label="Sidebar" className="border-t border-line bg-panel">
        <div className="mx-auto grid max-w-4xl gap-x-10 px-5 py-10 text-sm sm:grid-cols-2">{sidebar}</div>
      </aside>
      <footer className="border-t border-line">
        {menus?.footer?.length || menus?.social?.length ? (
          <div className="mx-auto flex max-w-2xl flex-wrap justify-center gap-4 px-5 pt-6 font-heading text-sm">
            <MenuList items={menus.footer} label="Footer" />
            <MenuList items={menus.social} label="Social Links" />
          </div>
        ) : null}
        <p className="mx-auto max-w-2xl px-5 py-6 text-center font-heading text-sm text-muted">
          Powered by <a className="underline" href="https://github.com/inkwell-blog">Inkwell</a> | Designed by:{" "}
          <a className="underline" href={THEME_META.authorUrl}>{THEME_META.author}</a>
        </p>
      </footer>
    </div>
  );
}
