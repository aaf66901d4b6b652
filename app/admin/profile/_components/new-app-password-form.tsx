"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { FormMessage, TextField } from "@/components/admin/form-fields";
import { createAppPasswordAction } from "../app-password-actions";

/** WordPress's "Add New Application Password": the password is shown here once, in groups of four. */
export function NewAppPasswordForm({ names }: { names: string[] }) {
  const [state, action, pending] = useActionState(createAppPasswordAction, initialFormState);
  // Once that password is revoked (alone or with all the others), it is no longer shown as usable.
  const created = state.status === "success" && names.includes(String(state.values?.name)) ? state.values : undefined;
  return (
    <form action={action} className="space-y-3" noValidate key={JSON.stringify(state)}>
      {created ? (
        <div role="status" className="border-l-4 border-green-700 bg-green-50 p-3 text-sm">
          <p>
            <label htmlFor="new-app-password">Your new password for <strong>{created.name}</strong> is:</label>{" "}
            <input id="new-app-password" readOnly value={created.password} onFocus={(e) => e.currentTarget.select()}
              className="mt-1 w-[20rem] max-w-full rounded border border-gray-400 bg-white px-2 py-1 font-mono" />
          </p>
          <p className="mt-2">Be sure to save this in a safe location. You will not be able to retrieve it.</p>
        </div>
      ) : (
        state.status !== "success" && <FormMessage state={state} />
      )}
      <TextField name="name" label="New Application Password Name" value={state.status === "success" ? "" : state.values?.name} errors={state.fieldErrors ?? {}}
        maxLength={200} aria-required="true" />
      <p className="text-sm text-gray-700" id="name-help">Required to create an Application Password, but not to update the user.</p>
      <button type="submit" disabled={pending} className="rounded border border-[#2271b1] px-4 py-2 text-sm font-semibold text-[#2271b1] disabled:opacity-60">
        {pending ? "Adding…" : "Add New Application Password"}
      </button>
    </form>
  );
}
