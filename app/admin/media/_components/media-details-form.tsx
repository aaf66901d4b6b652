"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { MEDIA_LIMITS } from "@/lib/validation/media";
import { updateMediaAction } from "../actions";

type Values = Record<"id" | "title" | "alt" | "caption" | "postId", string>;

export function MediaDetailsForm({ initial }: { initial: Values }) {
  const [state, action, pending] = useActionState(updateMediaAction, initialFormState);
  const v: Record<string, string> = state.status === "error" && state.values ? state.values : initial;
  const err = state.fieldErrors ?? {};
  const errorOf = (name: string) => (err[name]?.length ? <p id={`${name}-error`} className="text-red-800">{err[name]!.join(" ")}</p> : null);
  const cls = (name: string) => `mt-1 w-full rounded border px-2 py-1 ${err[name]?.length ? "border-red-700" : "border-gray-400"}`;
  return (
    <form action={action} className="space-y-3 rounded border border-gray-300 bg-white p-4" key={JSON.stringify(state)} noValidate>
      {state.message ? <p role="status" className={`border-l-4 p-2 ${state.status === "error" ? "border-red-700 text-red-900" : "border-green-700"}`}>{state.message}</p> : null}
      <input type="hidden" name="id" value={v.id} />
      <div>
        <label htmlFor="alt" className="block font-medium">Alternative Text</label>
        <textarea id="alt" name="alt" rows={2} maxLength={MEDIA_LIMITS.alt} defaultValue={v.alt} aria-describedby={err.alt?.length ? "alt-error" : "alt-help"} className={cls("alt")} />
        <p id="alt-help" className="text-xs text-gray-600">Describe the purpose of the image. Leave empty if the image is purely decorative.</p>
        {errorOf("alt")}
      </div>
      <div>
        <label htmlFor="title" className="block font-medium">Title</label>
        <input id="title" name="title" maxLength={MEDIA_LIMITS.title} defaultValue={v.title} aria-describedby={err.title?.length ? "title-error" : undefined} className={cls("title")} />
        {errorOf("title")}
      </div>
      <div>
        <label htmlFor="caption" className="block font-medium">Caption</label>
        <textarea id="caption" name="caption" rows={3} maxLength={MEDIA_LIMITS.caption} defaultValue={v.caption} aria-describedby={err.caption?.length ? "caption-error" : undefined} className={cls("caption")} />
        {errorOf("caption")}
      </div>
      <div>
        <label htmlFor="postId" className="block font-medium">Attached to post (ID)</label>
        <input id="postId" name="postId" inputMode="numeric" defaultValue={v.postId} aria-describedby={err.postId?.length ? "postId-error" : undefined} className={cls("postId")} />
        {errorOf("postId")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white disabled:opacity-60">{pending ? "Saving…" : "Update"}</button>
    </form>
  );
}
