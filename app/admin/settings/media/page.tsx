import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { allowedExtraTypes, EXTRA_TYPES, IMAGE_SIZES } from "@/lib/media/process";
import { MEDIA_EXTRA_TYPE_LABELS } from "@/lib/validation/settings";
import { SettingsForm } from "../_components/settings-form";
import type { Row } from "../_components/fields";
import { saveMediaSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Media Settings" };

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const allowed = allowedExtraTypes(opts.upload_extra_types);
  const rows: Row[] = [
    {
      title: "Maximum upload file size",
      inline: true,
      controls: [{ kind: "number", name: "upload_max_mb", label: "Maximum upload file size", min: 1, max: 31 }, { kind: "text-inline", text: "MB" }],
    },
    {
      title: "Allowed file types",
      controls: Object.entries(MEDIA_EXTRA_TYPE_LABELS).map(([ext, label]) => ({ kind: "checkbox" as const, name: `allow_${ext}`, label })),
      help: "JPEG, PNG, GIF and WebP images are always allowed. Every type is recognised from the file’s content, not its name; files other than images are served as downloads. SVG is not accepted: it can carry script.",
    },
  ];
  const values: Record<string, string> = { upload_max_mb: String(Math.round(opts.upload_max_bytes / 1024 / 1024)) };
  for (const ext of Object.keys(MEDIA_EXTRA_TYPE_LABELS)) values[`allow_${ext}`] = allowed.has(EXTRA_TYPES[ext]!) ? "1" : "";
  return (
    <>
      <h1 className="text-2xl font-semibold">Media Settings</h1>
      <p className="mt-2 max-w-3xl text-sm">
        Image sizes (made for every uploaded image larger than them): {IMAGE_SIZES.map((s) => `${s.name.replace("_", " ")} ${s.width}${s.height ? ` × ${s.height}` : " wide"}${s.crop ? " (cropped)" : ""}`).join(", ")}.
      </p>
      <SettingsForm action={saveMediaSettingsAction} rows={rows} values={values} />
    </>
  );
}
