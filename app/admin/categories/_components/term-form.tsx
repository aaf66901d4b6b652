"use client";

import { useActionState } from "react";
import { saveTermAction } from "../actions";
import { initialFormState } from "@/lib/form-state";
import { POST_LIMITS } from "@/lib/validation/post";

export interface TermFormProps {
  taxonomy: "category" | "post_tag";
  term?: { id: number; name: string; slug: string; description: string; parentId: number | null };
  parents: { id: number; name: string; depth: number }[];
  submitLabel: string;
}

export function TermForm({ taxonomy, term, parents, submitLabel }: TermFormProps) {
  const [state, action, pending] = useActionState(saveTermAction, initialFormState);
  const v = state.values;
  const err = state.fieldErrors ?? {};
  const field = (name: string) => (err[name]?.length ? <p id={`term-${name}-error`} className="mt-1 text-sm text-red-800">{err[name]!.join(" ")}</p> : null);
  const desc = (name: string) => (err[name]?.length ? `term-${name}-error` : undefined);
  return (
    <form action={action} className="space-y-3 text-sm" noValidate>
      {state.status === "error" && state.message ? <p role="alert" className="border-l-4 border-red-700 bg-red-50 p-2">{state.message}</p> : null}
      <input type="hidden" name="taxonomy" value={taxonomy} />
      {term ? <input type="hidden" name="id" value={term.id} /> : null}
      <div>
        <label htmlFor="term-name" className="block font-medium">Name</label>
        <input id="term-name" name="name" required defaultValue={v?.name ?? term?.name} maxLength={POST_LIMITS.termName} aria-describedby={desc("name")} className="w-full rounded border border-gray-400 px-2 py-1" />
        {field("name")}
      </div>
      <div>
        <label htmlFor="term-slug" className="block font-medium">Slug</label>
        <input id="term-slug" name="slug" defaultValue={v?.slug ?? term?.slug} maxLength={POST_LIMITS.slug} aria-describedby={desc("slug")} className="w-full rounded border border-gray-400 px-2 py-1" />
        {field("slug")}
      </div>
      {taxonomy === "category" ? (
        <div>
          <label htmlFor="term-parent" className="block font-medium">Parent Category</label>
          <select id="term-parent" name="parentId" defaultValue={v?.parentId ?? String(term?.parentId ?? "")} aria-describedby={desc("parentId")} className="w-full rounded border border-gray-400 px-2 py-1">
            <option value="">None</option>
            {parents.map((p) => <option key={p.id} value={p.id}>{"\u2014 ".repeat(p.depth)}{p.name}</option>)}
          </select>
          {field("parentId")}
        </div>
      ) : null}
      <div>
        <label htmlFor="term-description" className="block font-medium">Description</label>
        <textarea id="term-description" name="description" rows={3} defaultValue={v?.description ?? term?.description} maxLength={POST_LIMITS.termDescription} className="w-full rounded border border-gray-400 px-2 py-1" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">{submitLabel}</button>
    </form>
  );
}
