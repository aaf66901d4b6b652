import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { listPublishedPageChoices } from "@/db/queries/settings";
import { SettingsForm } from "../_components/settings-form";
import { toFormValues } from "../_components/values";
import type { Row } from "../_components/fields";
import { saveReadingSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Reading Settings" };

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const pages = [{ value: "0", label: "— Select —" }, ...(await listPublishedPageChoices()).map((p) => ({ value: String(p.id), label: p.title || `(no title) #${p.id}` }))];
  const rows: Row[] = [
    {
      title: "Your homepage displays",
      controls: [
        { kind: "radio", name: "show_on_front", label: "Your homepage displays", choices: [{ value: "posts", label: "Your latest posts" }, { value: "page", label: "A static page (select below)" }] },
        { kind: "select", name: "page_on_front", label: "Homepage", choices: pages },
        { kind: "select", name: "page_for_posts", label: "Posts page", choices: pages },
      ],
    },
    { title: "Blog pages show at most", inline: true, controls: [{ kind: "number", name: "posts_per_page", label: "Blog pages show at most", min: 1, max: 100 }, { kind: "text-inline", text: "posts" }] },
    { title: "Syndication feeds show the most recent", inline: true, controls: [{ kind: "number", name: "posts_per_rss", label: "Syndication feeds show the most recent", min: 1, max: 100 }, { kind: "text-inline", text: "items" }] },
    { title: "For each post in a feed, include", controls: [{ kind: "radio", name: "rss_use_excerpt", label: "For each post in a feed, include", choices: [{ value: "0", label: "Full text" }, { value: "1", label: "Excerpt" }] }] },
    {
      title: "Search engine visibility",
      controls: [{ kind: "checkbox", name: "discourage_search", label: "Discourage search engines from indexing this site" }],
      help: "It is up to search engines to honor this request.",
    },
  ];
  const values = toFormValues(opts, ["show_on_front", "page_on_front", "page_for_posts", "posts_per_page", "posts_per_rss"], {
    rss_use_excerpt: opts.rss_use_excerpt ? "1" : "0",
    discourage_search: opts.blog_public ? "" : "1",
  });
  return (
    <>
      <h1 className="text-2xl font-semibold">Reading Settings</h1>
      <SettingsForm action={saveReadingSettingsAction} rows={rows} values={values} />
    </>
  );
}
