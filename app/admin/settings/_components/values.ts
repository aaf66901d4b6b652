import type { Options } from "@/lib/options/defaults";
import type { FormValues } from "./fields";

/** Option values as the form's strings: booleans as "1" or "". */
export function toFormValues(opts: Options, names: (keyof Options)[], extra: FormValues = {}): FormValues {
  const out: FormValues = {};
  for (const n of names) {
    const v = opts[n];
    out[n] = typeof v === "boolean" ? (v ? "1" : "") : String(v);
  }
  return { ...out, ...extra };
}
