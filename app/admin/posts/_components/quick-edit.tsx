"use client";

// Quick Edit of title, slug, status and date, inline in the list's row.
import { useActionState } from "react";
import { quickEditPostAction } from "../actions";
import { initialFormState } from "@/lib/form-state";
import { POST_LIMITS } from "@/lib/validation/post";

export interface QuickEditRow {
  id: number;
  version: number;
  title: string;
  slug: string;
  status: string;
  date: string;
}

export function QuickEdit({ row, type, back, canPublish }: { row: QuickEditRow; type: "post" | "page"; back: string; canPublish: boolean }) {
  const [state, action, pending] = useActionState(quickEditPostAction, initialFormState);
  const v = state.values;
  const err = state.fieldErrors ?? {};
  const f = "quickedit-form";
  return (
    <form id={f} action={action} role="group" aria-label="Quick Edit" className="space-y-2 bg-[#f6f7f7] p-3">
      <input type="hidden" name="id" value={row.id} />
      <input type="hidden" name="version" value={row.version} />
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="back" value={back} />
      {state.status === "error" && state.message ? <p role="alert" className="text-red-800">{state.message}</p> : null}
      <div className="grid gap-2 md:grid-cols-2">
        <label className="block">Title
          <input name="title" defaultValue={v?.title ?? row.title} maxLength={POST_LIMITS.title} className="block w-full rounded border border-gray-400 px-2 py-1" />
        </label>
        <label className="block">Slug
          <input name="slug" defaultValue={v?.slug ?? row.slug} maxLength={POST_LIMITS.slug} aria-describedby={err.slug ? "qe-slug-error" : undefined} className="block w-full rounded border border-gray-400 px-2 py-1" />
          {err.slug ? <span id="qe-slug-error" className="text-sm text-red-800">{err.slug.join(" ")}</span> : null}
        </label>
        <label className="block">Date
          <input name="date" type="datetime-local" step={1} defaultValue={v?.date ?? row.date} aria-describedby={err.date ? "qe-date-error" : undefined} className="block w-full rounded border border-gray-400 px-2 py-1" />
          {err.date ? <span id="qe-date-error" className="text-sm text-red-800">{err.date.join(" ")}</span> : null}
        </label>
        <label className="block">Status
          <select name="status" defaultValue={v?.status ?? (row.status === "future" ? "publish" : row.status)} className="block w-full rounded border border-gray-400 px-2 py-1">
            {canPublish ? <option value="publish">Published</option> : null}
            {canPublish ? <option value="private">Private</option> : null}
            <option value="pending">Pending Review</option>
            <option value="draft">Draft</option>
          </select>
        </label>
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 text-white">Update</button>
        <a href={back} className="rounded border border-gray-400 px-3 py-1">Cancel</a>
      </div>
    </form>
  );
}
