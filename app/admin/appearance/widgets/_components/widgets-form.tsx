"use client";
// The Widgets screen's one form: each widget as a group with Show and Position, and the settings
// of those that have some. A plain form post without JavaScript; with it, the answer arrives
// in place. After an error the fields show what was typed.
import { useActionState, type ReactNode } from "react";
import { initialFormState } from "@/lib/form-state";
import { IMAGE_LINKS, PAGES_SORTBY, WIDGET_LIMITS } from "@/lib/validation/widgets";
import { saveWidgetsAction } from "../actions";

type Values = Record<string, string>;
type Errors = Record<string, string[] | undefined>;
interface Props {
  rows: { id: string; label: string }[];
  values: Values;
  menus: { id: number; name: string }[];
  images: { id: number; title: string; url: string }[];
}

const INPUT = "mt-1 block w-full max-w-full border border-[#8c8f94] bg-white px-2 py-1";

function Err({ name, errors }: { name: string; errors: Errors }) {
  const m = errors[name];
  return m?.length ? <p id={`${name}-error`} className="mt-1 text-sm text-red-800">{m.join(" ")}</p> : null;
}
const described = (name: string, errors: Errors, help?: boolean) =>
  [errors[name]?.length ? `${name}-error` : "", help ? `${name}-help` : ""].filter(Boolean).join(" ") || undefined;

function Text({ name, label, v, errors, max = WIDGET_LIMITS.title, help }: { name: string; label: string; v: Values; errors: Errors; max?: number; help?: string }) {
  return (
    <div className="mt-3">
      <label htmlFor={name} className="block">{label}</label>
      <input id={name} name={name} defaultValue={v[name] ?? ""} maxLength={max} aria-invalid={!!errors[name]?.length} aria-describedby={described(name, errors, !!help)} className={INPUT} />
      {help ? <p id={`${name}-help`} className="mt-1 text-xs text-[#50575e]">{help}</p> : null}
      <Err name={name} errors={errors} />
    </div>
  );
}

function Area({ name, label, v, errors, mono }: { name: string; label: string; v: Values; errors: Errors; mono?: boolean }) {
  return (
    <div className="mt-3">
      <label htmlFor={name} className="block">{label}</label>
      <textarea id={name} name={name} rows={6} defaultValue={v[name] ?? ""} maxLength={WIDGET_LIMITS.html} aria-invalid={!!errors[name]?.length} aria-describedby={described(name, errors)} className={`${INPUT} ${mono ? "font-mono text-xs" : ""}`} />
      <Err name={name} errors={errors} />
    </div>
  );
}

function Choice({ name, label, v, errors, options }: { name: string; label: string; v: Values; errors: Errors; options: [string, string][] }) {
  return (
    <div className="mt-3">
      <label htmlFor={name} className="block">{label}</label>
      <select id={name} name={name} defaultValue={v[name] ?? ""} aria-invalid={!!errors[name]?.length} aria-describedby={described(name, errors)} className={`${INPUT} w-auto`}>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
      <Err name={name} errors={errors} />
    </div>
  );
}

function settingsOf(id: string, v: Values, errors: Errors, menus: Props["menus"], images: Props["images"]): ReactNode {
  const t = (name: string) => <Text name={name} label="Title" v={v} errors={errors} />;
  switch (id) {
    case "nav-menu":
      return (
        <>
          {t("nav-menu-title")}
          <Choice name="nav-menu-menu" label="Select Menu" v={v} errors={errors} options={[["0", "— Select —"], ...menus.map((m): [string, string] => [String(m.id), m.name])]} />
          {menus.length ? null : <p className="mt-1">No menus have been created yet. <a className="text-[#2271b1] underline" href="/admin/appearance/menus/">Create some</a>.</p>}
        </>
      );
    case "text":
      return <>{t("text-title")}<Area name="text-content" label="Content" v={v} errors={errors} /></>;
    case "custom-html":
      return <>{t("custom-html-title")}<Area name="custom-html-content" label="Content" v={v} errors={errors} mono /></>;
    case "pages":
      return (
        <>
          {t("pages-title")}
          <Choice name="pages-sortby" label="Sort by" v={v} errors={errors} options={Object.entries(PAGES_SORTBY)} />
          <Text name="pages-exclude" label="Exclude" v={v} errors={errors} max={WIDGET_LIMITS.exclude} help="Page IDs, separated by commas." />
        </>
      );
    case "calendar":
      return t("calendar-title");
    case "image": {
      const chosen = images.find((i) => String(i.id) === v["image-media"]);
      return (
        <>
          {t("image-title")}
          {/* eslint-disable-next-line @next/next/no-img-element -- a preview of a media library file */}
          {chosen ? <img src={chosen.url} alt="" className="mt-3 max-h-32 w-auto border border-[#dcdcde]" /> : null}
          <Choice name="image-media" label="Image" v={v} errors={errors} options={[["", images.length ? "— Select —" : "No images in the Media Library"], ...images.map((i): [string, string] => [String(i.id), i.title])]} />
          <Text name="image-alt" label="Alternative Text" v={v} errors={errors} max={WIDGET_LIMITS.alt} help="Leave empty to use the image's own alternative text." />
          <Text name="image-caption" label="Caption" v={v} errors={errors} max={WIDGET_LIMITS.caption} />
          <Choice name="image-link" label="Link To" v={v} errors={errors} options={Object.entries(IMAGE_LINKS)} />
          <Text name="image-url" label="URL" v={v} errors={errors} max={WIDGET_LIMITS.url} help="Used when Link To is Custom URL." />
        </>
      );
    }
    default:
      return null;
  }
}

export function WidgetsForm({ rows, values, menus, images }: Props) {
  const [state, formAction, pending] = useActionState(saveWidgetsAction, initialFormState);
  const v = state.status === "error" && state.values ? state.values : values;
  const errors: Errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="max-w-2xl text-sm" noValidate>
      {state.message ? (
        <p role={state.status === "error" ? "alert" : "status"} className={`mb-4 border-l-4 bg-white p-3 ${state.status === "error" ? "border-red-700 text-red-900" : "border-green-700 text-green-900"}`}>
          {state.message}
        </p>
      ) : null}
      <p className="mb-4">Choose which widgets the sidebar shows, and their order (1 is at the top). Each theme shows them in its sidebar.</p>
      <div key={JSON.stringify(v)} className="space-y-3">
        {rows.map(({ id, label }) => (
          <fieldset key={id} className="border border-[#dcdcde] bg-white p-4">
            <legend className="px-1 text-base font-semibold">{label}</legend>
            <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" name={`show-${id}`} defaultChecked={v[`show-${id}`] === "on"} />
                Show<span className="sr-only"> {label}</span>
              </label>
              <label className="inline-flex items-center gap-2">
                Position<span className="sr-only"> of {label}</span>
                <input type="number" name={`order-${id}`} min={1} max={99} defaultValue={v[`order-${id}`] ?? ""} aria-invalid={!!errors[`order-${id}`]?.length} aria-describedby={described(`order-${id}`, errors)} className="w-20 border border-[#8c8f94] px-2 py-1" />
              </label>
            </div>
            <Err name={`order-${id}`} errors={errors} />
            {settingsOf(id, v, errors, menus, images)}
          </fieldset>
        ))}
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-[#2271b1] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save Widgets"}
      </button>
    </form>
  );
}
