import type { Metadata } from "next";
import { requireCapability, getCurrentUser } from "@/lib/session";
import { roleCan } from "@/lib/auth/capabilities";
import { getOptions } from "@/db/queries/options";
import { getMediaById, listMediaRows } from "@/db/queries/media";
import { toMediaView } from "@/lib/media/view";
import { FONT_PAIRINGS } from "@/lib/identity/fonts";
import { AppearanceTabs } from "../_components/tabs";
import { saveIdentityAction } from "./actions";
import { CustomizeForm } from "./_components/customize-form";
import type { ChoiceImage } from "./_components/types";

export const metadata: Metadata = { title: "Customize" };

const toChoice = (m: Parameters<typeof toMediaView>[0]): ChoiceImage => {
  const v = toMediaView(m);
  return { id: v.id, title: v.title || `Image ${v.id}`, thumb: v.sizes.thumbnail?.url ?? v.url };
};

export default async function CustomizePage() {
  await requireCapability("edit_theme_options");
  const user = await getCurrentUser();
  const o = await getOptions();
  const images = (await listMediaRows({ page: 1, perPage: 60, imagesOnly: true })).map(toChoice);
  // A chosen image older than the newest 60 is still offered, so that saving again keeps it.
  for (const id of [o.custom_logo, o.site_icon, o.header_image]) {
    if (id && !images.some((i) => i.id === id)) {
      const m = await getMediaById(id);
      if (m?.mimeType.startsWith("image/")) images.push(toChoice(m));
    }
  }
  const values = {
    custom_logo: String(o.custom_logo), site_icon: String(o.site_icon), header_image: String(o.header_image),
    accent_color: o.accent_color, font_pairing: o.font_pairing,
  };
  const pairings = Object.entries(FONT_PAIRINGS).map(([key, f]) => ({ key, ...f }));
  return (
    <>
      <h1 className="text-2xl font-semibold">Customize</h1>
      <AppearanceTabs current="customize" />
      <CustomizeForm action={saveIdentityAction} values={values} images={images} pairings={pairings} canUpload={!!user && roleCan(user.role, "upload_files")} />
    </>
  );
}
