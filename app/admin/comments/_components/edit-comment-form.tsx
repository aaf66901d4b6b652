"use client";
import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { COMMENT_LIMITS } from "@/lib/validation/comment-fields";
import { editCommentAction } from "../actions";

interface Props {
  comment: { id: number; authorName: string; authorEmail: string; authorUrl: string; content: string; status: string };
  canSetStatus: boolean;
}

export function EditCommentForm({ comment, canSetStatus }: Props) {
  const [state, action, pending] = useActionState(editCommentAction, initialFormState);
  const v = (k: "authorName" | "authorEmail" | "authorUrl" | "content") => state.values?.[k] ?? comment[k];
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const field = (k: "authorName" | "authorEmail" | "authorUrl", label: string, type = "text", max: number) => (
    <p>
      <label htmlFor={k} className="block font-semibold">{label}</label>
      <input id={k} name={k} type={type} defaultValue={v(k)} maxLength={max} aria-invalid={!!err(k) || undefined} aria-describedby={err(k) ? `${k}-error` : undefined} className="w-full max-w-lg border bg-white p-1" />
      {err(k) ? <span id={`${k}-error`} className="text-[#b32d2e]">{err(k)}</span> : null}
    </p>
  );
  return (
    <form action={action} className="mt-4 space-y-3 text-sm">
      {state.status === "error" && state.message ? <p className="border-l-4 border-[#d63638] bg-white p-2" role="alert">{state.message}</p> : null}
      <input type="hidden" name="id" value={comment.id} />
      <input type="hidden" name="back" value="/admin/comments/" />
      {field("authorName", "Name", "text", COMMENT_LIMITS.author)}
      {field("authorEmail", "Email", "email", COMMENT_LIMITS.email)}
      {field("authorUrl", "URL", "url", COMMENT_LIMITS.url)}
      <p>
        <label htmlFor="content" className="block font-semibold">Comment</label>
        <textarea id="content" name="content" rows={10} defaultValue={v("content")} aria-invalid={!!err("content") || undefined} aria-describedby={err("content") ? "content-error" : undefined} className="w-full max-w-2xl border bg-white p-1" />
        {err("content") ? <span id="content-error" className="text-[#b32d2e]">{err("content")}</span> : null}
      </p>
      {canSetStatus && ["0", "1", "spam"].includes(comment.status) ? (
        <fieldset>
          <legend className="font-semibold">Status</legend>
          {[["1", "Approved"], ["0", "Pending"], ["spam", "Spam"]].map(([value, label]) => (
            <label key={value} className="mr-4"><input type="radio" name="status" value={value} defaultChecked={comment.status === value} /> {label}</label>
          ))}
        </fieldset>
      ) : null}
      <button type="submit" disabled={pending} className="bg-[#2271b1] px-4 py-2 text-white">Update</button>
    </form>
  );
}
