"use client";

import { useActionState } from "react";
import { lostPasswordAction } from "../actions";
import { initialFormState } from "@/lib/form-state";

export function LostPasswordForm() {
  const [state, action, pending] = useActionState(lostPasswordAction, initialFormState);
  const error = state.status === "error" ? state.message : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? <p id="user_login-error" className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="alert">{error}</p> : null}
      <div>
        <label htmlFor="user_login" className="block text-sm font-medium">Username or Email Address</label>
        <input id="user_login" name="user_login" type="text" autoComplete="username" required defaultValue={state.values?.user_login}
          aria-invalid={error ? true : undefined} aria-describedby={error ? "user_login-error" : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-[#2271b1] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sending…" : "Get New Password"}
      </button>
    </form>
  );
}
