import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { ROLES } from "@/db/schema";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { envSiteUrl } from "@/lib/site-url";
import { SITE_LANGUAGES } from "@/lib/options/language";
import { formatWpDate, nowGmt, toSqlLocal } from "@/lib/dates";
import { DATE_FORMAT_CHOICES, TIME_FORMAT_CHOICES } from "@/lib/validation/settings";
import { SettingsForm } from "../_components/settings-form";
import { toFormValues } from "../_components/values";
import type { Row } from "../_components/fields";
import { saveGeneralSettingsAction } from "./actions";

export const metadata: Metadata = { title: "General Settings" };

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const now = toSqlLocal(new Date(), opts.timezone_string);
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  if (!zones.includes(opts.timezone_string)) zones.unshift(opts.timezone_string);
  const formatRadio = (name: "date_format" | "time_format", presets: readonly string[]) => ({
    kind: "radio" as const,
    name,
    label: name === "date_format" ? "Date Format" : "Time Format",
    choices: [
      ...presets.map((f) => ({ value: f, label: `${formatWpDate(now, f)}  (${f})` })),
      { value: "custom", label: "Custom:", customName: `${name}_custom` },
    ],
  });
  const rows: Row[] = [
    { title: "Site Title", controls: [{ kind: "text", name: "blogname", label: "Site Title" }] },
    { title: "Tagline", controls: [{ kind: "text", name: "blogdescription", label: "Tagline" }], help: "In a few words, explain what this site is about." },
    { title: "Site Address (URL)", controls: [{ kind: "url", name: "siteurl", label: "Site Address (URL)", placeholder: "https://example.com" }], help: `The address readers see in feeds and links to this site. Leave empty to use the server's SITE_URL (${envSiteUrl()}).` },
    { title: "Administration Email Address", controls: [{ kind: "email", name: "admin_email", label: "Administration Email Address" }] },
    { title: "Membership", controls: [{ kind: "checkbox", name: "users_can_register", label: "Anyone can register" }] },
    { title: "New User Default Role", controls: [{ kind: "select", name: "default_role", label: "New User Default Role", choices: ROLES.filter((r) => r !== "administrator").map((r) => ({ value: r, label: ROLE_LABELS[r] })) }] },
    { title: "Site Language", controls: [{ kind: "select", name: "WPLANG", label: "Site Language", choices: Object.entries(SITE_LANGUAGES).map(([value, label]) => ({ value, label })) }], help: "The language feeds declare to readers." },
    { title: "Timezone", controls: [{ kind: "select", name: "timezone_string", label: "Timezone", choices: zones.map((z) => ({ value: z, label: z })) }], help: `Local time is ${formatWpDate(now, "Y-m-d H:i:s")}; universal time is ${nowGmt()}.` },
    { title: "Date Format", controls: [formatRadio("date_format", DATE_FORMAT_CHOICES)] },
    { title: "Time Format", controls: [formatRadio("time_format", TIME_FORMAT_CHOICES)] },
    { title: "Week Starts On", controls: [{ kind: "select", name: "start_of_week", label: "Week Starts On", choices: WEEKDAYS.map((d, i) => ({ value: String(i), label: d })) }] },
  ];
  const custom = (v: string, presets: readonly string[]) => (presets.includes(v) ? { choice: v, custom: "" } : { choice: "custom", custom: v });
  const df = custom(opts.date_format, DATE_FORMAT_CHOICES);
  const tf = custom(opts.time_format, TIME_FORMAT_CHOICES);
  const values = toFormValues(opts, ["blogname", "blogdescription", "siteurl", "admin_email", "users_can_register", "default_role", "WPLANG", "timezone_string", "start_of_week"], {
    date_format: df.choice,
    date_format_custom: df.custom || opts.date_format,
    time_format: tf.choice,
    time_format_custom: tf.custom || opts.time_format,
  });
  return (
    <>
      <h1 className="text-2xl font-semibold">General Settings</h1>
      <SettingsForm action={saveGeneralSettingsAction} rows={rows} values={values} />
    </>
  );
}
