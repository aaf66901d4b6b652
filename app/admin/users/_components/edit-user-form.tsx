"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { USER_LIMITS } from "@/lib/validation/user";
import { updateUserAction } from "../actions";

type Values = Record<"userId" | "displayName" | "nicename" | "email" | "url" | "bio", string>;

export function EditUserForm({ initial }: { initial: Values }) {
  const [state, action, pending] = useActionState(updateUserAction, initialFormState);
  const v: Record<string, string> = state.status === "error" && state.values ? state.values : initial;
  const err = state.fieldErrors ?? {};
  const errorOf = (name: string) => (err[name]?.length ? <p id={`${name}-error`} className="text-sm text-red-800">{err[name]!.join(" ")}</p> : null);
  const input = (name: string, label: string, type = "text", props: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type={type} defaultValue={type === "password" ? undefined : v[name]} aria-invalid={!!err[name]?.length}
        aria-describedby={err[name]?.length ? `${name}-error` : undefined}
        className={`mt-1 w-96 max-w-full rounded border px-2 py-1 ${err[name]?.length ? "border-red-700" : "border-gray-400"}`} {...props} />
      {errorOf(name)}
    </div>
  );
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4 rounded border border-gray-300 bg-white p-4" noValidate key={JSON.stringify([state, v])}>
      {state.message ? (
        <p role="status" className={`border-l-4 p-3 text-sm ${state.status === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50"}`}>{state.message}</p>
      ) : null}
      <input type="hidden" name="userId" value={initial.userId} />
      {input("displayName", "Display name publicly as", "text", { maxLength: USER_LIMITS.displayName })}
      {input("nicename", "Nicename (used in author URLs)", "text", { maxLength: USER_LIMITS.nicename })}
      {input("email", "Email (required)", "email", { maxLength: USER_LIMITS.email })}
      {input("url", "Website", "url", { maxLength: USER_LIMITS.url })}
      <div>
        <label htmlFor="bio" className="block text-sm font-medium">Biographical Info</label>
        <textarea id="bio" name="bio" rows={4} defaultValue={v.bio} maxLength={USER_LIMITS.bio} className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
        {errorOf("bio")}
      </div>
      {input("newPassword", "New Password", "password", { autoComplete: "new-password", minLength: USER_LIMITS.passwordMin })}
      {input("confirmPassword", "Repeat New Password", "password", { autoComplete: "new-password" })}
      <p className="text-xs text-gray-600">Leave the password fields empty to keep this user’s password.</p>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">{pending ? "Saving…" : "Update User"}</button>
    </form>
  );
}
