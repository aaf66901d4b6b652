"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { FormMessage, TextField } from "@/components/admin/form-fields";
import { logOutEverywhereElseAction } from "../actions";

/** WordPress's Profile → Sessions, with the password that keeps this browser signed in. */
export function SessionsForm() {
  const [state, action, pending] = useActionState(logOutEverywhereElseAction, initialFormState);
  return (
    <form action={action} aria-labelledby="sessions-heading" className="mt-4 max-w-xl space-y-3 rounded border border-gray-300 bg-white p-4" noValidate key={JSON.stringify(state)}>
      <h2 id="sessions-heading" className="font-semibold">Sessions</h2>
      <FormMessage state={state} />
      <p className="text-sm">Did you lose your phone or leave your account logged in at a public computer? You can log out everywhere else, and stay logged in here.</p>
      <TextField name="sessionsPassword" label="Your password" type="password" errors={state.fieldErrors ?? {}} autoComplete="current-password" />
      <button type="submit" disabled={pending} className="rounded border border-[#2271b1] px-4 py-2 text-sm font-semibold text-[#2271b1] disabled:opacity-60">
        {pending ? "Logging out…" : "Log Out Everywhere Else"}
      </button>
    </form>
  );
}
