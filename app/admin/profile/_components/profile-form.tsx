"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { USER_LIMITS } from "@/lib/validation/user";
import { FieldError, FormMessage, TextField } from "@/components/admin/form-fields";
import { updateProfileAction } from "../actions";

type Values = Record<"displayName" | "nicename" | "email" | "url" | "bio", string>;

export function ProfileForm({ initial, notice }: { initial: Values; notice?: string }) {
  const [state, action, pending] = useActionState(updateProfileAction, initialFormState);
  const v: Record<string, string> = state.status === "error" && state.values ? state.values : initial;
  const err = state.fieldErrors ?? {};
  return (
    <form action={action} className="mt-4 max-w-xl space-y-4 rounded border border-gray-300 bg-white p-4" noValidate key={JSON.stringify([state, v])}>
      <FormMessage state={state.status === "idle" && notice ? { status: "success", message: notice } : state} />
      <h2 className="font-semibold">Name</h2>
      <TextField name="displayName" label="Display name publicly as" type="text" value={v.displayName} errors={err} maxLength={USER_LIMITS.displayName} />
      <TextField name="nicename" label="Nicename (used in author URLs)" type="text" value={v.nicename} errors={err} maxLength={USER_LIMITS.nicename} />
      <h2 className="font-semibold">Contact Info</h2>
      <TextField name="email" label="Email (required)" type="email" value={v.email} errors={err} maxLength={USER_LIMITS.email} />
      <TextField name="url" label="Website" type="url" value={v.url} errors={err} maxLength={USER_LIMITS.url} />
      <h2 className="font-semibold">About Yourself</h2>
      <div>
        <label htmlFor="bio" className="block text-sm font-medium">Biographical Info</label>
        <textarea id="bio" name="bio" rows={5} defaultValue={v.bio} maxLength={USER_LIMITS.bio} aria-describedby={err.bio?.length ? "bio-error" : undefined}
          className="mt-1 w-full rounded border border-gray-400 px-2 py-1" />
        <FieldError name="bio" errors={err} />
      </div>
      <h2 className="font-semibold">Account Management</h2>
      <TextField name="currentPassword" label="Current Password" type="password" errors={err} autoComplete="current-password" />
      <TextField name="newPassword" label="New Password" type="password" errors={err} autoComplete="new-password" minLength={USER_LIMITS.passwordMin} />
      <TextField name="confirmPassword" label="Repeat New Password" type="password" errors={err} autoComplete="new-password" />
      <p className="text-xs text-gray-600">Leave the password fields empty to keep your password. A new one needs your current password and at least {USER_LIMITS.passwordMin} characters.</p>
      <button type="submit" disabled={pending} className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">{pending ? "Saving…" : "Update Profile"}</button>
    </form>
  );
}
