import type { LayoutProps } from "../types";
import { THEME_META } from "./meta";
import { NavMenu } from "../shared/nav-menu";
import { MenuList } from "../shared/menu-list";
import { HeaderImage, SiteLogo } from "../shared/site-branding";

export function ClassicLayout({ site, sidebar, children, menus }: LayoutProps) {
  return (
    <div data-theme="classic" className="min-h-screen bg-paper text-ink font-body">
      <a href="#content" className="sr-only-focusable absolute left-2 top-2 z-10 bg-paper p-2 underline">
        Skip to content
      </a>
      <header className="border-b-4 border-accent bg-panel">
        <div className="mx-auto max-w-5xl px-4 py-6">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <SiteLogo site={site} />
            <div className="min-w-0">
              <p className="font-heading text-3xl font-bold">
                <a href={site.homeUrl} className="text-ink no-underline hover:text-accent">
                  {site.name}
                </a>
              </p>
              {site.description ? <p className="mt-1 text-muted italic">{site.description}</p> : null}
            </div>
          </div>
          <HeaderImage image={site.headerImage} className="mt-4" />
        </div>
        {menus?.header.length ? (
          <div className="border-t border-line">
            <div className="mx-auto max-w-5xl px-4 py-1 font-heading font-semibold">
              <NavMenu items={menus.header} label="Primary" id="primary-menu" />
            </div>
          </div>
        ) : null}
      </header>
      <div className="mx-auto grid max-w-5xl gap-8 px-4 py-8 md:grid-cols-[minmax(0,1fr)_16rem]">
        <main id="content" className="@container min-w-0">
          {children}
        </main>
        <aside aria-label="Sidebar" className="min-w-0 text-sm">
          {sidebar}
        </aside>
      </div>
      <footer className="border-t border-line bg-panel">
        {menus?.footer?.length || menus?.social?.length ? (
          <div className="mx-auto flex max-w-5xl flex-wrap justify-between gap-4 px-4 pt-6 text-sm">
            <MenuList items={menus.footer} label="Footer" />
            <MenuList items={menus.social} label="Social Links" />
          </div>
        ) : null}
        <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted">
          Powered by <a className="underline" href="https://github.com/inkwell-blog">Inkwell</a> | Designed by:{" "}
          <a className="underline" href={THEME_META.authorUrl}>{THEME_META.author}</a>
        </p>
      </footer>
    </div>
  );
}
