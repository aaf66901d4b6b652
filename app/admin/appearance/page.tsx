import type { Metadata } from "next";
import { cookies } from "next/headers";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { THEMES, getTheme } from "@/themes/registry";
import { THEME_PREVIEW_COOKIE } from "@/app/(site)/theme";
import { activateThemeAction, previewThemeAction, stopPreviewAction } from "./actions";
import { AppearanceTabs } from "./_components/tabs";

export const metadata: Metadata = { title: "Themes" };

export default async function ThemesPage({ searchParams }: { searchParams: Promise<{ activated?: string; error?: string }> }) {
  await requireCapability("switch_themes");
  const q = await searchParams;
  const active = getTheme((await getOptions()).template);
  const previewing = (await cookies()).get(THEME_PREVIEW_COOKIE)?.value;
  return (
    <>
      <h1 className="text-2xl font-semibold">Themes</h1>
      <AppearanceTabs current="themes" />
      {q.activated ? <p role="status" className="mb-4 border-l-4 border-green-600 bg-white p-3">New theme activated. <a className="underline" href="/">Visit site</a></p> : null}
      {q.error ? <p role="alert" className="mb-4 border-l-4 border-red-600 bg-white p-3">That theme does not exist.</p> : null}
      {previewing && THEMES[previewing] && previewing !== active.name ? (
        <form action={stopPreviewAction} className="mb-4 border-l-4 border-amber-500 bg-white p-3">
          You are previewing “{THEMES[previewing]!.label}” on the site. <button type="submit" className="underline">Stop previewing</button>
        </form>
      ) : null}
      <ul className="grid gap-6 md:grid-cols-2">
        {Object.values(THEMES).map((t) => {
          const isActive = t.name === active.name;
          return (
            <li key={t.name} className={`border bg-white p-4 ${isActive ? "border-[#2271b1] ring-2 ring-[#2271b1]" : "border-[#c3c4c7]"}`} aria-label={`${t.label} theme`}>
              <h2 className="text-lg font-semibold">{t.label}{isActive ? <span className="ml-2 text-sm font-normal">(Active)</span> : null}</h2>
              <p className="mt-1 text-sm">{t.description}</p>
              <p className="mt-1 text-sm text-[#50575e]">By {t.author}</p>
              {isActive ? null : (
                <div className="mt-4 flex gap-2">
                  <form action={activateThemeAction}>
                    <input type="hidden" name="theme" value={t.name} />
                    <button type="submit" className="rounded bg-[#2271b1] px-3 py-1 text-white">Activate<span className="sr-only"> {t.label}</span></button>
                  </form>
                  <form action={previewThemeAction}>
                    <input type="hidden" name="theme" value={t.name} />
                    <button type="submit" className="rounded border border-[#2271b1] px-3 py-1 text-[#2271b1]">Live Preview<span className="sr-only"> {t.label}</span></button>
                  </form>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
