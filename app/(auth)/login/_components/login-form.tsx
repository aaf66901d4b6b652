"use client";

import { useActionState } from "react";
import { signInAction } from "../actions";
import { initialFormState } from "@/lib/form-state";

export function LoginForm({ redirectTo }: { redirectTo?: string }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && state.message ? (
        <p id="login-error" className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="status">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="redirectTo" value={redirectTo ?? ""} />
      <div>
        <label htmlFor="login" className="block text-sm font-medium">Username or Email Address</label>
        <input id="login" name="login" type="text" autoComplete="username" required defaultValue={state.values?.login}
          aria-describedby={state.status === "error" ? "login-error" : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-[#2271b1] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Signing in…" : "Log In"}
      </button>
    </form>
  );
}
