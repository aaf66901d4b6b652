"use client";

import { useActionState } from "react";
import { registerAction } from "../actions";
import { initialFormState } from "@/lib/form-state";
import { USER_LIMITS } from "@/lib/validation/user";

function Field({ id, label, type, autoComplete, error, defaultValue, hint, maxLength, minLength }: {
  id: string; label: string; type: string; autoComplete: string; error?: string; defaultValue?: string; hint?: string; maxLength: number; minLength?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input id={id} name={id} type={type} autoComplete={autoComplete} required defaultValue={defaultValue} maxLength={maxLength} minLength={minLength}
        aria-invalid={error ? true : undefined} aria-describedby={describedBy}
        className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-800">{error}</p> : null}
    </div>
  );
}

export function RegisterForm() {
  const [state, action, pending] = useActionState(registerAction, initialFormState);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && state.message ? (
        <p className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="alert">{state.message}</p>
      ) : null}
      <Field id="login" label="Username" type="text" autoComplete="username" error={err("login")} defaultValue={state.values?.login} maxLength={USER_LIMITS.login} />
      <Field id="email" label="Email" type="email" autoComplete="email" error={err("email")} defaultValue={state.values?.email} maxLength={USER_LIMITS.email} />
      <Field id="password" label="Password" type="password" autoComplete="new-password" error={err("password")} maxLength={USER_LIMITS.passwordMax} minLength={USER_LIMITS.passwordMin}
        hint={`At least ${USER_LIMITS.passwordMin} characters.`} />
      <button type="submit" disabled={pending} className="w-full rounded bg-[#2271b1] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Registering…" : "Register"}
      </button>
    </form>
  );
}
