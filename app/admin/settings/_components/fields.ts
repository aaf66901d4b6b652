// A Settings screen described as data, so that one client form renders every screen the way
// WordPress's form tables look, with each error under its field.
export interface Choice {
  value: string;
  label: string;
  /** For a "Custom" radio: the name of the text field typed beside it. */
  customName?: string;
}

export type Control =
  | { kind: "text" | "email" | "url"; name: string; label: string; size?: "small" | "regular" | "large"; placeholder?: string }
  | { kind: "number"; name: string; label: string; min: number; max: number }
  | { kind: "checkbox"; name: string; label: string }
  | { kind: "select"; name: string; label: string; choices: Choice[] }
  | { kind: "radio"; name: string; label: string; choices: Choice[] }
  | { kind: "textarea"; name: string; label: string; rows?: number }
  | { kind: "text-inline"; text: string };

export interface Row {
  /** The row's heading (left column in WordPress). */
  title: string;
  /** Controls in the row; with `inline`, they read as one sentence. */
  controls: Control[];
  inline?: boolean;
  help?: string;
}

/** What the form shows initially: option values as strings ("1"/"" for checkboxes). */
export type FormValues = Record<string, string>;
