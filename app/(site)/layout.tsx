import { Suspense, type ReactNode } from "react";
import type { Metadata } from "next";
import { connection } from "next/server";
import { Sidebar } from "@/app/(site)/_components/sidebar";
import { siteOptions } from "@/lib/site/reads";
import { getRenderTheme } from "@/app/(site)/theme";
import { siteMenus } from "@/lib/site/menus";
import { AdminBarSlot } from "@/app/(site)/_components/admin-bar-slot";
import { getSiteIdentity, identityCss } from "@/lib/identity/site-identity";
import { PublishingDiscovery } from "@/components/site/publishing-discovery";

/** "Discourage search engines" (blog_public off): every public page, 404s included, says noindex. */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { icon } = await getSiteIdentity();
  return {
    ...((await siteOptions()).blog_public ? {} : { robots: { index: false, follow: false } }),
    // Appearance → Customize's site icon replaces the default icons of the root layout.
    ...(icon ? { icons: { icon: [{ url: icon.square ?? icon.src }], apple: icon.src } } : {}),
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  const opts = await siteOptions();
  const { theme, previewing } = await getRenderTheme();
  const identity = await getSiteIdentity();
  const css = identityCss(theme, identity.values);
  return (
    <>
      <PublishingDiscovery opts={opts} />
      <Suspense fallback={null}>
        <AdminBarSlot />
      </Suspense>
      {previewing ? (
        <div role="region" aria-label="Theme preview" className="bg-[#1d2327] px-4 py-2 text-sm text-white">
          You are previewing the theme “{theme.label}”. Visitors still see the active theme.{" "}
          <a href="/admin/appearance/" className="underline">Back to Themes to activate it or stop the preview</a>
        </div>
      ) : null}
      {identity.previewing ? (
        <div role="region" aria-label="Customize preview" className="bg-[#1d2327] px-4 py-2 text-sm text-white">
          You are previewing unsaved changes. Visitors still see the saved site.{" "}
          <a href="/admin/appearance/customize/" className="underline">Back to Customize</a>
        </div>
      ) : null}
      {/* Built only from validated values (a hex colour, a FONT_PAIRINGS key): nothing to escape. */}
      {css ? <style dangerouslySetInnerHTML={{ __html: css }} /> : null}
      <theme.Layout site={{ name: opts.blogname, description: opts.blogdescription, homeUrl: "/", logo: identity.logo, headerImage: identity.headerImage }} sidebar={<Sidebar opts={opts} theme={theme} />} menus={await siteMenus(opts, theme.menuLocations)}>
        {children}
      </theme.Layout>
    </>
  );
}
