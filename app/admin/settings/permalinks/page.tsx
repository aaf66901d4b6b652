import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { PERMALINK_PRESETS, postPath } from "@/lib/content/permalinks";
import { siteUrl } from "@/lib/site-url";
import { PERMALINK_TAGS, permalinkChoiceOf } from "@/lib/validation/settings";
import { SettingsForm } from "../_components/settings-form";
import type { Row } from "../_components/fields";
import { savePermalinkSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Permalink Settings" };

const SAMPLE = { id: 123, slug: "sample-post", date: "2026-11-25 10:00:00", type: "post" as const };

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const base = await siteUrl();
  const example = (s: string) => base + postPath(SAMPLE, s).replace(/\/$/, s === "" ? "" : "/");
  const rows: Row[] = [
    {
      title: "Permalink structure",
      controls: [{
        kind: "radio",
        name: "selection",
        label: "Permalink structure",
        choices: [
          { value: "plain", label: `Plain  ${example(PERMALINK_PRESETS.plain)}` },
          { value: "day", label: `Day and name  ${example(PERMALINK_PRESETS.day)}` },
          { value: "month", label: `Month and name  ${example(PERMALINK_PRESETS.month)}` },
          { value: "numeric", label: `Numeric  ${example(PERMALINK_PRESETS.numeric)}` },
          { value: "postname", label: `Post name  ${example(PERMALINK_PRESETS.postname)}` },
          { value: "custom", label: "Custom Structure", customName: "permalink_structure" },
        ],
      }],
      help: `Available tags: ${PERMALINK_TAGS.map((t) => `%${t}%`).join(" ")}`,
    },
    { title: "Category base", controls: [{ kind: "text", name: "category_base", label: "Category base", placeholder: "category", size: "small" }] },
    { title: "Tag base", controls: [{ kind: "text", name: "tag_base", label: "Tag base", placeholder: "tag", size: "small" }] },
  ];
  const values = { selection: permalinkChoiceOf(opts.permalink_structure), permalink_structure: opts.permalink_structure, category_base: opts.category_base, tag_base: opts.tag_base };
  return (
    <>
      <h1 className="text-2xl font-semibold">Permalink Settings</h1>
      <p className="mt-2 max-w-3xl text-sm">
        Choose how addresses of posts look. A change moves every post’s link at once, and old links keep working: a link in any of
        the structures below, or <code className="whitespace-nowrap">/?p=123</code>, redirects (301) to the post’s new address. Links under a custom structure you
        leave, and archive links under a category or tag base you change, stop resolving.
      </p>
      <SettingsForm action={savePermalinkSettingsAction} rows={rows} values={values} />
    </>
  );
}
