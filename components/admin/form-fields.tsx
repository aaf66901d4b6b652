// The pieces an admin form repeats: the message above it, a labelled input with its error
// under it (aria-describedby), and the error alone for other controls.
import type { FormState } from "@/lib/form-state";

type Errors = FormState["fieldErrors"];

export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p role="status" className={`border-l-4 p-3 text-sm ${state.status === "error" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50"}`}>{state.message}</p>
  );
}

export function FieldError({ name, errors }: { name: string; errors: Errors }) {
  const list = errors?.[name];
  return list?.length ? <p id={`${name}-error`} className="text-sm text-red-800">{list.join(" ")}</p> : null;
}

export function TextField({ name, label, type = "text", value, errors, ...props }: {
  name: string; label: string; type?: string; value?: string; errors: Errors;
} & Record<string, unknown>) {
  const invalid = !!errors?.[name]?.length;
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type={type} defaultValue={type === "password" ? undefined : value} aria-invalid={invalid}
        aria-describedby={invalid ? `${name}-error` : undefined}
        className={`mt-1 w-96 max-w-full rounded border px-2 py-1 ${invalid ? "border-red-700" : "border-gray-400"}`} {...props} />
      <FieldError name={name} errors={errors} />
    </div>
  );
}
