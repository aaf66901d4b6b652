"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { initialFormState, type FormState } from "@/lib/form-state";
import { IdentitySchema } from "@/lib/validation/identity";
import { CUSTOMIZE_PREVIEW_COOKIE } from "@/lib/identity/preview-cookie";
import type { FontPairing } from "@/lib/identity/fonts";
import { ImageField } from "./image-field";
import { useScripted } from "./use-scripted";
import type { ChoiceImage, IdentityFormValues } from "./types";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const clearDraft = () => {
  document.cookie = `${CUSTOMIZE_PREVIEW_COOKIE}=; path=/; max-age=0; samesite=lax`;
};

/**
 * WordPress's Customizer, for the everyday settings: the controls beside the site itself. Each
 * change is written as a draft cookie that only this user's preview honours (the server checks
 * edit_theme_options), and the preview reloads; Publish saves. Without JavaScript the form posts
 * and the preview shows what was saved.
 */
export function CustomizeForm({ action, values, images, pairings, canUpload }: {
  action: Action;
  values: IdentityFormValues;
  images: ChoiceImage[];
  pairings: (FontPairing & { key: string })[];
  canUpload: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [pool, setPool] = useState(images);
  const [accent, setAccent] = useState<string | null>(null);
  const [drafted, setDrafted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const shown = { ...values, ...(state.status === "error" ? state.values : {}) } as IdentityFormValues;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};

  const reloadPreview = () => frame.current?.contentWindow?.location.reload();

  function onChange() {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!form.current) return;
      const draft = IdentitySchema.safeParse(Object.fromEntries(new FormData(form.current)));
      // A colour being typed is not a colour yet: the preview waits for a whole one.
      if (!draft.success) return;
      document.cookie = `${CUSTOMIZE_PREVIEW_COOKIE}=${encodeURIComponent(JSON.stringify(draft.data))}; path=/; max-age=1800; samesite=lax`;
      setDrafted(true);
      reloadPreview();
    }, 250);
  }

  // Leaving the screen drops the draft, so the site is not left previewing it.
  useEffect(() => clearDraft, []);
  useEffect(() => {
    if (state.status !== "success") return;
    clearDraft();
    reloadPreview();
  }, [state]);

  const accentValue = accent ?? shown.accent_color;
  const errId = (n: string) => (errors[n]?.length ? `${n}-error` : undefined);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(18rem,24rem)_minmax(0,1fr)]">
      <form ref={form} action={formAction} onChange={onChange} onSubmit={() => setDrafted(false)} noValidate className="min-w-0 space-y-4 bg-white p-4" aria-label="Site identity">
        {state.message ? (
          <p role="status" className={`border-l-4 p-3 text-sm ${state.status === "error" ? "border-red-700 text-red-900" : "border-green-700 text-green-900"}`}>{state.message}</p>
        ) : null}
        <div key={JSON.stringify(state.status === "error" ? state.values : values)} className="space-y-4">
          <ImageField name="custom_logo" legend="Logo" help="Shown in the header beside the site title. Suggested: 250 × 250 pixels or wider." images={pool} value={shown.custom_logo}
            onUploaded={(img) => setPool((p) => [img, ...p])} canUpload={canUpload} error={errors.custom_logo} />
          <ImageField name="site_icon" legend="Site Icon" help="The icon of browser tabs, bookmarks and home screens. It should be square and at least 512 × 512 pixels." images={pool} value={shown.site_icon}
            onUploaded={(img) => setPool((p) => [img, ...p])} canUpload={canUpload} error={errors.site_icon} />
          <ImageField name="header_image" legend="Header Image" help="A wide picture across the header. Suggested: 1200 × 300 pixels." images={pool} value={shown.header_image}
            onUploaded={(img) => setPool((p) => [img, ...p])} canUpload={canUpload} error={errors.header_image} />
          <div className="border-t border-[#dcdcde] pt-4">
            <label htmlFor="accent_color" className="block text-sm font-semibold">Accent Color</label>
            <p id="accent_color-help" className="mt-1 text-xs text-[#50575e]">Links and buttons. A hex colour such as #1a5e9a; empty keeps the theme&apos;s own. It is darkened or lightened where needed to stay readable.</p>
            <div className="mt-2 flex flex-wrap items-center gap-2">
              <input id="accent_color" name="accent_color" defaultValue={shown.accent_color} onInput={(e) => setAccent(e.currentTarget.value)} placeholder="#1a5e9a" maxLength={7}
                aria-invalid={!!errors.accent_color?.length} aria-describedby={[errId("accent_color"), "accent_color-help"].filter(Boolean).join(" ")}
                className={`w-28 rounded border px-2 py-1 font-mono text-sm ${errors.accent_color?.length ? "border-red-700" : "border-[#8c8f94]"}`} />
              <span aria-hidden="true" className="inline-block h-7 w-7 rounded border border-[#8c8f94]" style={{ background: /^#[0-9a-f]{6}$/i.test(accentValue) ? accentValue : "transparent" }} />
              <ColourPicker value={accentValue} onPick={(v) => {
                const input = form.current?.elements.namedItem("accent_color") as HTMLInputElement | null;
                if (input) input.value = v;
                setAccent(v);
              }} />
            </div>
            {errors.accent_color?.length ? <p id="accent_color-error" className="mt-1 text-sm text-red-800">{errors.accent_color.join(" ")}</p> : null}
          </div>
          <fieldset className="border-t border-[#dcdcde] pt-4" aria-describedby={errId("font_pairing")}>
            <legend className="text-sm font-semibold">Fonts</legend>
            <div className="mt-2 space-y-2 text-sm">
              <label className="flex items-center gap-2"><input type="radio" name="font_pairing" value="" defaultChecked={shown.font_pairing === ""} /> The theme&apos;s own</label>
              {pairings.map((p) => (
                <label key={p.key} className="flex items-start gap-2">
                  <input type="radio" name="font_pairing" value={p.key} defaultChecked={shown.font_pairing === p.key} className="mt-1" />
                  <span>
                    <span className="block font-semibold" style={{ fontFamily: p.heading }}>{p.label}</span>
                    <span className="block text-[#50575e]" style={{ fontFamily: p.body }}>The quick brown fox jumps over the lazy dog.</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.font_pairing?.length ? <p id="font_pairing-error" className="mt-1 text-sm text-red-800">{errors.font_pairing.join(" ")}</p> : null}
          </fieldset>
        </div>
        <div className="flex flex-wrap items-center gap-3 border-t border-[#dcdcde] pt-4">
          <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">{pending ? "Publishing…" : "Publish"}</button>
          {drafted ? <span className="text-sm text-[#50575e]">The preview shows unsaved changes.</span> : null}
        </div>
      </form>
      <section aria-label="Preview" className="min-w-0">
        <iframe ref={frame} src="/" title="Site preview" className="h-[70vh] min-h-96 w-full border border-[#c3c4c7] bg-white" />
      </section>
    </div>
  );
}

/** The browser's colour picker, offered once scripts run (it only fills the text field). */
function ColourPicker({ value, onPick }: { value: string; onPick: (v: string) => void }) {
  if (!useScripted()) return null;
  return (
    <input type="color" aria-label="Pick the accent colour" value={/^#[0-9a-f]{6}$/i.test(value) ? value : "#1a5e9a"}
      onChange={(e) => onPick(e.currentTarget.value)} className="h-8 w-10 cursor-pointer rounded border border-[#8c8f94] bg-white" />
  );
}
