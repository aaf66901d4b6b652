"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { QUICK_DRAFT_LIMITS } from "@/lib/validation/quick-draft";
import { quickDraftAction } from "../actions";

export function QuickDraftForm() {
  const [state, action, pending] = useActionState(quickDraftAction, initialFormState);
  const v = state.status === "error" ? (state.values ?? {}) : {};
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-2 space-y-2 text-sm" key={JSON.stringify(state)} noValidate>
      {state.message ? <p role="status" className={state.status === "error" ? "text-red-800" : "text-green-800"}>{state.message}</p> : null}
      <div>
        <label htmlFor="qd-title" className="block">Title</label>
        <input id="qd-title" name="title" maxLength={QUICK_DRAFT_LIMITS.title} defaultValue={v.title} aria-invalid={!!err.title?.length}
          aria-describedby={err.title?.length ? "qd-title-error" : undefined} className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
        {err.title?.length ? <p id="qd-title-error" className="text-red-800">{err.title.join(" ")}</p> : null}
      </div>
      <div>
        <label htmlFor="qd-content" className="block">Content</label>
        <textarea id="qd-content" name="content" rows={4} placeholder="What’s on your mind?" defaultValue={v.content}
          aria-describedby={err.content?.length ? "qd-content-error" : undefined} className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
        {err.content?.length ? <p id="qd-content-error" className="text-red-800">{err.content.join(" ")}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white disabled:opacity-60">{pending ? "Saving…" : "Save Draft"}</button>
    </form>
  );
}
