// The one shape every form action returns: a status, a message for the form, errors per field,
// and what was typed so that nothing is lost when the form comes back.
export interface FormState {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = { status: "idle" };
