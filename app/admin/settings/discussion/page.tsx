import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import type { Options } from "@/lib/options/defaults";
import { SettingsForm } from "../_components/settings-form";
import { toFormValues } from "../_components/values";
import type { Row } from "../_components/fields";
import { saveDiscussionSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Discussion Settings" };

// WordPress's labels (options-discussion.php), so that its users find every switch where they expect it.
const ROWS: Row[] = [
  {
    title: "Default post settings",
    controls: [
      { kind: "checkbox", name: "default_pingback_flag", label: "Attempt to notify any blogs linked to from the post" },
      { kind: "checkbox", name: "default_ping_status", label: "Allow link notifications from other blogs (pingbacks and trackbacks) on new posts" },
      { kind: "checkbox", name: "default_comment_status", label: "Allow people to submit comments on new posts" },
    ],
    help: "Individual posts may override these settings. Changes here will only be applied to new posts.",
  },
  {
    title: "Other comment settings",
    controls: [
      { kind: "checkbox", name: "require_name_email", label: "Comment author must fill out name and email" },
      { kind: "checkbox", name: "comment_registration", label: "Users must be registered and logged in to comment" },
      { kind: "checkbox", name: "show_comments_cookies_opt_in", label: "Show comments cookies opt-in checkbox, allowing comment author cookies to be set" },
    ],
  },
  {
    title: "Close old comments",
    inline: true,
    controls: [
      { kind: "checkbox", name: "close_comments_for_old_posts", label: "Automatically close comments on posts older than" },
      { kind: "number", name: "close_comments_days_old", label: "Close comments after this many days", min: 1, max: 36500 },
      { kind: "text-inline", text: "days" },
    ],
  },
  {
    title: "Threaded comments",
    inline: true,
    controls: [
      { kind: "checkbox", name: "thread_comments", label: "Enable threaded (nested) comments" },
      { kind: "select", name: "thread_comments_depth", label: "Levels deep", choices: [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ value: String(n), label: String(n) })) },
      { kind: "text-inline", text: "levels deep" },
    ],
  },
  {
    title: "Comment pages",
    inline: true,
    controls: [
      { kind: "checkbox", name: "page_comments", label: "Break comments into pages with" },
      { kind: "number", name: "comments_per_page", label: "Top level comments per page", min: 1, max: 1000 },
      { kind: "text-inline", text: "top level comments per page and the" },
      { kind: "select", name: "default_comments_page", label: "Page displayed by default", choices: [{ value: "newest", label: "last" }, { value: "oldest", label: "first" }] },
      { kind: "text-inline", text: "page displayed by default" },
    ],
  },
  {
    title: "Comment order",
    inline: true,
    controls: [
      { kind: "text-inline", text: "Comments should be displayed with the" },
      { kind: "select", name: "comment_order", label: "Comments at the top of each page", choices: [{ value: "asc", label: "older" }, { value: "desc", label: "newer" }] },
      { kind: "text-inline", text: "comments at the top of each page" },
    ],
  },
  {
    title: "Email me whenever",
    controls: [
      { kind: "checkbox", name: "comments_notify", label: "Anyone posts a comment" },
      { kind: "checkbox", name: "moderation_notify", label: "A comment is held for moderation" },
    ],
  },
  {
    title: "Before a comment appears",
    controls: [
      { kind: "checkbox", name: "comment_moderation", label: "Comment must be manually approved" },
      { kind: "checkbox", name: "comment_previously_approved", label: "Comment author must have a previously approved comment" },
    ],
  },
  {
    title: "Comment Moderation",
    inline: true,
    controls: [
      { kind: "text-inline", text: "Hold a comment in the queue if it contains" },
      { kind: "number", name: "comment_max_links", label: "Number of links that holds a comment", min: 0, max: 1000 },
      { kind: "text-inline", text: "or more links. (A common characteristic of comment spam is a large number of hyperlinks.)" },
    ],
  },
  {
    title: "Moderation keys",
    controls: [{ kind: "textarea", name: "moderation_keys", label: "When a comment contains any of these words in its content, author name, URL, email, IP address, or browser’s user agent string, it will be held in the moderation queue. One word or IP address per line. It will match inside words, so “press” will match “WordPress”." }],
  },
  {
    title: "Disallowed Comment Keys",
    controls: [{ kind: "textarea", name: "disallowed_keys", label: "When a comment contains any of these words in its content, author name, URL, email, IP address, or browser’s user agent string, it will be put in the Trash. One word or IP address per line. It will match inside words, so “press” will match “WordPress”." }],
  },
  {
    title: "Fediverse",
    controls: [
      { kind: "text", name: "activitypub_blog_identifier", label: "Blog handle (the part before @ in @handle@your-site; empty: the site’s host name)", size: "regular" },
      { kind: "checkbox", name: "activitypub_manually_approve_followers", label: "Follow requests from the fediverse must be approved (Users → Followers)" },
      { kind: "textarea", name: "activitypub_also_known_as", label: "Also known as: the blog’s earlier fediverse addresses (actor URLs, one a line), so that followers can be moved here from them" },
    ],
    help: "Mastodon and other fediverse servers find and follow the blog by this handle.",
  },
  {
    title: "Fediverse blocks",
    controls: [
      { kind: "textarea", name: "activitypub_site_blocked_domains", label: "Blocked servers: nothing from these servers (or their subdomains) is accepted, no reply, like, boost or follow. One server name per line, such as spam.example." },
      { kind: "textarea", name: "activitypub_site_blocked_actors", label: "Blocked accounts: one handle (@name@server) or profile address per line." },
    ],
  },
  {
    title: "Fediverse profiles",
    controls: [
      { kind: "radio", name: "activitypub_actor_mode", label: "Fediverse profiles", choices: [
        { value: "actor_blog", label: "The blog and its authors — each author who enables it on their Profile has a profile of their own" },
        { value: "actor", label: "Authors only — the blog has no profile of its own" },
        { value: "blog", label: "The blog only — every post goes out as the blog" },
      ] },
    ],
  },
  {
    title: "Post format for the fediverse",
    controls: [
      { kind: "radio", name: "activitypub_object_type", label: "Post format for the fediverse", choices: [
        { value: "article", label: "Article — the whole post, as Mastodon shows long-form writing" },
        { value: "note", label: "Note — the title, the excerpt and a link to the post" },
      ] },
    ],
  },
  {
    title: "Avatar Display",
    controls: [
      { kind: "checkbox", name: "show_avatars", label: "Show Avatars" },
      { kind: "checkbox", name: "use_gravatar", label: "Fetch avatars from Gravatar (sends a hash of each commenter’s email address to gravatar.com)" },
    ],
  },
  {
    title: "Maximum Rating",
    controls: [{ kind: "radio", name: "avatar_rating", label: "Maximum Rating", choices: [
      { value: "G", label: "G — Suitable for all audiences" },
      { value: "PG", label: "PG — Possibly offensive, usually for audiences 13 and above" },
      { value: "R", label: "R — Intended for adult audiences above 17" },
      { value: "X", label: "X — Even more mature than above" },
    ] }],
  },
  {
    title: "Default Avatar",
    controls: [{ kind: "radio", name: "avatar_default", label: "Default Avatar", choices: [
      { value: "mystery", label: "Mystery Person" },
      { value: "blank", label: "Blank" },
      { value: "gravatar_default", label: "Gravatar Logo" },
      { value: "identicon", label: "Identicon (Generated)" },
      { value: "wavatar", label: "Wavatar (Generated)" },
      { value: "monsterid", label: "MonsterID (Generated)" },
      { value: "retro", label: "Retro (Generated)" },
    ] }],
    help: "For users without a custom avatar of their own. Without Gravatar, Inkwell serves the Mystery Person and Blank itself, and draws an identicon for the generated kinds and the Gravatar Logo.",
  },
];

const NAMES = ROWS.flatMap((r) => r.controls.flatMap((c) => ("name" in c ? [c.name as keyof Options] : [])));

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const values = toFormValues(opts, NAMES, {
    default_ping_status: opts.default_ping_status === "open" ? "1" : "",
    default_comment_status: opts.default_comment_status === "open" ? "1" : "",
  });
  // The handle field shows what an empty one means: the site's host.
  const host = new URL(await siteUrl()).hostname.replace(/^www\./i, "");
  const rows = ROWS.map((r) => ({ ...r, controls: r.controls.map((c) => ("name" in c && c.name === "activitypub_blog_identifier" && c.kind === "text" ? { ...c, placeholder: host } : c)) }));
  return (
    <>
      <h1 className="text-2xl font-semibold">Discussion Settings</h1>
      <SettingsForm action={saveDiscussionSettingsAction} rows={rows} values={values} />
    </>
  );
}
