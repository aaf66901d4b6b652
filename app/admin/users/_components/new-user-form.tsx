"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { USER_LIMITS } from "@/lib/validation/user";
import { createUserAction } from "../actions";

export function NewUserForm({ roles, defaultRole, mailConfigured }: { roles: { value: string; label: string }[]; defaultRole: string; mailConfigured: boolean }) {
  const [state, action, pending] = useActionState(createUserAction, initialFormState);
  const v = state.values ?? {};
  const err = state.fieldErrors ?? {};
  const field = (name: string, label: string, type: string, props: Record<string, unknown> = {}) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type={type} defaultValue={type === "password" ? undefined : v[name]} aria-invalid={!!err[name]?.length}
        aria-describedby={err[name]?.length ? `${name}-error` : undefined} className={`mt-1 w-96 max-w-full rounded border px-2 py-1 ${err[name]?.length ? "border-red-700" : "border-gray-400"}`} {...props} />
      {err[name]?.length ? <p id={`${name}-error`} className="text-sm text-red-800">{err[name]!.join(" ")}</p> : null}
    </div>
  );
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4 rounded border border-gray-300 bg-white p-4" noValidate key={JSON.stringify(v)}>
      {state.message ? <p role="status" className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">{state.message}</p> : null}
      {field("login", "Username (required)", "text", { maxLength: USER_LIMITS.login, autoComplete: "off", required: true })}
      {field("email", "Email (required)", "email", { maxLength: USER_LIMITS.email, required: true })}
      {field("displayName", "Display name", "text", { maxLength: USER_LIMITS.displayName })}
      {field("password", "Password (required)", "password", { minLength: USER_LIMITS.passwordMin, autoComplete: "new-password", required: true })}
      <div>
        <label htmlFor="role" className="block text-sm font-medium">Role</label>
        <select id="role" name="role" defaultValue={v.role ?? defaultRole} className="mt-1 rounded border border-gray-400 px-2 py-1">
          {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Send User Notification</legend>
        <label className="mt-1 flex items-start gap-2 text-sm">
          <input type="checkbox" name="sendUserNotification" className="mt-1" disabled={!mailConfigured} aria-describedby={mailConfigured ? undefined : "notify-off"}
            defaultChecked={mailConfigured && (state.values ? v.sendUserNotification === "on" : true)} />
          Send the new user an email about their account.
        </label>
        {mailConfigured ? null : <p id="notify-off" className="text-sm text-gray-700">This site cannot send mail (SMTP_URL is not set): give the new user their password yourself.</p>}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">{pending ? "Adding…" : "Add New User"}</button>
    </form>
  );
}
