"use client";
// A "Copy" button beside text a reader may want to paste elsewhere (the fediverse handle). It
// appears only once JavaScript runs: without it the text stays plain, selectable text.
import { useEffect, useState } from "react";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  // eslint-disable-next-line react-hooks/set-state-in-effect -- shown only after hydration, by design
  useEffect(() => setReady(!!navigator.clipboard), []);
  if (!ready) return null;
  return (
    <button
      type="button"
      aria-label={label}
      className="border border-line bg-panel px-2 py-0.5 text-sm text-ink"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          },
          () => setCopied(false),
        );
      }}
    >
      <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
    </button>
  );
}
