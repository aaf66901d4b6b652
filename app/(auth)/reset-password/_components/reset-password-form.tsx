"use client";

import { useActionState, useState } from "react";
import { resetPasswordAction } from "../actions";
import { initialFormState } from "@/lib/form-state";
import { passwordStrength, STRENGTH_LABELS } from "@/lib/auth/password-strength";
import { USER_LIMITS } from "@/lib/validation/user";

const METER_COLORS = ["bg-red-200", "bg-red-200", "bg-yellow-200", "bg-green-200", "bg-green-300"];

/** Works as a plain form; with JavaScript the meter says how strong the new password looks as it is typed. */
export function ResetPasswordForm({ login, resetKey }: { login: string; resetKey: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, initialFormState);
  const [password, setPassword] = useState("");
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const strength = passwordStrength(password, [login]);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.status === "error" && state.message ? (
        <p className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="alert">{state.message}</p>
      ) : null}
      <input type="hidden" name="login" value={login} />
      <input type="hidden" name="key" value={resetKey} />
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" value={login} autoComplete="username" readOnly hidden />
      <div>
        <label htmlFor="password" className="block text-sm font-medium">New password</label>
        <input id="password" name="password" type="password" autoComplete="new-password" required minLength={USER_LIMITS.passwordMin} maxLength={USER_LIMITS.passwordMax}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={err("password") ? true : undefined} aria-describedby={["password-hint", password ? "password-strength" : "", err("password") ? "password-error" : ""].filter(Boolean).join(" ")}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
        {password ? (
          <p id="password-strength" className={`mt-1 rounded px-2 py-1 text-center text-sm font-semibold ${METER_COLORS[strength]}`} aria-live="polite">
            Strength: {STRENGTH_LABELS[strength]}
          </p>
        ) : null}
        <p id="password-hint" className="mt-1 text-xs text-gray-700">
          At least {USER_LIMITS.passwordMin} characters. A long phrase of unrelated words is strong and easy to remember.
        </p>
        {err("password") ? <p id="password-error" className="mt-1 text-sm text-red-800">{err("password")}</p> : null}
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium">Confirm new password</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required maxLength={USER_LIMITS.passwordMax}
          aria-invalid={err("confirmPassword") ? true : undefined} aria-describedby={err("confirmPassword") ? "confirmPassword-error" : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-3 py-2" />
        {err("confirmPassword") ? <p id="confirmPassword-error" className="mt-1 text-sm text-red-800">{err("confirmPassword")}</p> : null}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-[#2271b1] px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save Password"}
      </button>
    </form>
  );
}
