"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/form-state";
import { initialFormState } from "@/lib/form-state";
import type { Control, FormValues, Row } from "./fields";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function SettingsForm({ action, rows, values }: { action: Action; rows: Row[]; values: FormValues }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // After an error, show what was typed; after a save, what the server now holds.
  const shown: FormValues = state.status === "error" && state.values ? state.values : values;
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="mt-4 max-w-3xl" noValidate>
      {state.message ? (
        <p role="status" className={`mb-4 border-l-4 bg-white p-3 text-sm ${state.status === "error" ? "border-red-700 text-red-900" : "border-green-700 text-green-900"}`}>
          {state.message}
        </p>
      ) : null}
      {/* Re-mount the fields after each answer so that their defaults are the current ones. */}
      <div key={JSON.stringify(shown)} className="divide-y divide-gray-200 rounded border border-gray-300 bg-white">
        {rows.map((row) => {
          // A row of one field named like the row: the row's heading is that field's label.
          const only = row.controls.length === 1 ? row.controls[0]! : undefined;
          const titled = only && "name" in only && only.label === row.title && !["checkbox", "radio"].includes(only.kind) ? only.name : undefined;
          return (
          <fieldset key={row.title} className="grid min-w-0 grid-cols-1 gap-2 p-4 md:grid-cols-[14rem_1fr]">
            <legend className="contents">
              {titled ? <label htmlFor={titled} className="text-sm font-semibold">{row.title}</label> : <span className="text-sm font-semibold">{row.title}</span>}
            </legend>
            <div className={row.inline ? "flex flex-wrap items-center gap-2 text-sm" : "space-y-3 text-sm"}>
              {row.controls.map((c, i) => (
                <ControlView key={"name" in c ? c.name : `t${i}`} control={c} values={shown} errors={errors} inline={!!row.inline} labelled={!!titled} />
              ))}
              {row.help ? <p className="basis-full text-xs text-gray-600">{row.help}</p> : null}
            </div>
          </fieldset>
          );
        })}
      </div>
      <button type="submit" disabled={pending} className="mt-4 rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save Changes"}
      </button>
    </form>
  );
}

function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="basis-full text-sm text-red-800">
      {messages.join(" ")}
    </p>
  );
}

function ControlView({ control: c, values, errors, inline, labelled }: {
  control: Control;
  values: FormValues;
  errors: Record<string, string[] | undefined>;
  inline: boolean;
  /** The row heading already labels this control. */
  labelled: boolean;
}) {
  const ownLabel = !inline && !labelled;
  if (c.kind === "text-inline") return <span>{c.text}</span>;
  const err = errors[c.name];
  const errId = `${c.name}-error`;
  const described = err?.length ? errId : undefined;
  const inputClass = `rounded border px-2 py-1 ${err?.length ? "border-red-700" : "border-gray-400"}`;
  switch (c.kind) {
    case "checkbox": {
      // Options arrive as "1"/""; a form that came back omits unchecked boxes: absent is unchecked.
      const checked = values[c.name] === "1";
      return (
        <div className={inline ? "contents" : "block"}>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name={c.name} value="1" defaultChecked={checked} aria-describedby={described} />
            {c.label}
          </label>
          <FieldError id={errId} messages={err} />
        </div>
      );
    }
    case "number":
      return (
        <>
          {ownLabel ? <label htmlFor={c.name} className="block">{c.label}</label> : null}
          <input id={c.name} name={c.name} type="number" min={c.min} max={c.max} defaultValue={values[c.name]}
            aria-label={inline ? c.label : undefined} aria-invalid={!!err?.length} aria-describedby={described}
            className={`${inputClass} w-20`} />
          <FieldError id={errId} messages={err} />
        </>
      );
    case "select":
      return (
        <>
          {ownLabel ? <label htmlFor={c.name} className="block">{c.label}</label> : null}
          <select id={c.name} name={c.name} defaultValue={values[c.name]} aria-label={inline ? c.label : undefined}
            aria-invalid={!!err?.length} aria-describedby={described} className={inputClass}>
            {c.choices.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          <FieldError id={errId} messages={err} />
        </>
      );
    case "radio":
      return (
        <div role="radiogroup" aria-label={c.label} aria-describedby={described} className="space-y-1">
          {c.choices.map((o) => (
            <div key={o.value} className="flex flex-wrap items-center gap-2">
              <label className="inline-flex items-center gap-2">
                <input type="radio" name={c.name} value={o.value} defaultChecked={values[c.name] === o.value} />
                {o.label}
              </label>
              {o.customName ? (
                <>
                  <input name={o.customName} type="text" defaultValue={values[o.customName]} aria-label={`${c.label}: custom`}
                    aria-invalid={!!errors[o.customName]?.length} aria-describedby={errors[o.customName]?.length ? `${o.customName}-error` : undefined}
                    className={`rounded border px-2 py-1 font-mono ${errors[o.customName]?.length ? "border-red-700" : "border-gray-400"} w-80 max-w-full`} />
                  <FieldError id={`${o.customName}-error`} messages={errors[o.customName]} />
                </>
              ) : null}
            </div>
          ))}
          <FieldError id={errId} messages={err} />
        </div>
      );
    case "textarea":
      return (
        <>
          {labelled ? null : <label htmlFor={c.name} className="block">{c.label}</label>}
          <textarea id={c.name} name={c.name} rows={c.rows ?? 6} defaultValue={values[c.name]} aria-invalid={!!err?.length}
            aria-describedby={described} className={`${inputClass} w-full font-mono`} />
          <FieldError id={errId} messages={err} />
        </>
      );
    default:
      return (
        <>
          {ownLabel ? <label htmlFor={c.name} className="block">{c.label}</label> : null}
          <input id={c.name} name={c.name} type={c.kind} defaultValue={values[c.name]} placeholder={c.placeholder}
            aria-label={inline ? c.label : undefined} aria-invalid={!!err?.length} aria-describedby={described}
            className={`${inputClass} ${c.size === "small" ? "w-40" : c.size === "large" ? "w-full" : "w-96 max-w-full"}`} />
          <FieldError id={errId} messages={err} />
        </>
      );
  }
}
