"use client";

import { useActionState } from "react";
import { initialFormState } from "@/lib/form-state";
import { FormMessage, TextField } from "@/components/admin/form-fields";
import { authorizeApplicationAction } from "../actions";

type Request = { app_name: string; app_id: string; success_url: string; reject_url: string };

export function AuthorizeForm({ request, login }: { request: Request; login: string }) {
  const [state, action, pending] = useActionState(authorizeApplicationAction, initialFormState);
  if (state.status === "success" && state.values) {
    return (
      <div role="status" className="space-y-2 border-l-4 border-green-700 bg-green-50 p-3 text-sm">
        <p>
          <label htmlFor="new-app-password">Your new password for <strong>{state.values.name}</strong> is:</label>{" "}
          <input id="new-app-password" readOnly value={state.values.password} onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-[20rem] max-w-full rounded border border-gray-400 bg-white px-2 py-1 font-mono" />
        </p>
        <p>Be sure to save this in a safe location. You will not be able to retrieve it. Use it with your username, <strong>{login}</strong>.</p>
      </div>
    );
  }
  const host = request.success_url ? new URL(request.success_url).host : "";
  return (
    <form action={action} className="space-y-3" noValidate key={JSON.stringify(state)}>
      <FormMessage state={state} />
      {Object.entries(request).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <TextField name="name" label="New Application Password Name" value={state.values?.name ?? request.app_name} errors={state.fieldErrors ?? {}} maxLength={200} aria-required="true" />
      {host ? (
        <p className="text-sm">You will be sent to <strong>{host}</strong> with the password, your username and this site&apos;s address.</p>
      ) : (
        <p className="text-sm">You will be given a password to manually enter into the application in question.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-[#2271b1] px-4 py-2 text-sm font-semibold text-white disabled:opacity-60">
          Yes, I approve of this connection
        </button>
        <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border border-[#2271b1] px-4 py-2 text-sm font-semibold text-[#2271b1] disabled:opacity-60">
          No, I do not approve of this connection
        </button>
      </div>
    </form>
  );
}
