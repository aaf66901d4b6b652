"use client";

// The browser's copy of unsaved text (WordPress keeps one in sessionStorage; localStorage here, so
// it outlives a crashed or closed tab): written while the server does not have the text, dropped
// once a save or autosave is acknowledged, and offered back when the post is opened again and the
// copy says something else than the server.
import { useEffect, useRef, useState } from "react";

export interface BackupText {
  title: string;
  content: string;
  excerpt: string;
}

interface Backup extends BackupText {
  savedAt: number;
  /** Set when the form was submitted with this text: a successful save then drops the copy. */
  submitted?: boolean;
}

const WRITE_DELAY_MS = 400;
const keyFor = (type: string, id: number | null) => `inkwell-backup:${type}:${id ?? "new"}`;

function read(key: string): Backup | null {
  try {
    const raw = window.localStorage.getItem(key);
    const v = raw ? (JSON.parse(raw) as Backup) : null;
    return v && typeof v.content === "string" && typeof v.title === "string" ? { ...v, excerpt: v.excerpt ?? "" } : null;
  } catch {
    return null;
  }
}

function remove(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, quota): nothing was kept, nothing to drop.
  }
}

interface Props {
  type: "post" | "page";
  postId: number | null;
  text: BackupText;
  /** The server has this text (nothing typed since the last save or autosave). */
  acknowledged: boolean;
  /** The page opened after a successful save. */
  justSaved: boolean;
  /** What the server has, to compare the copy with. */
  server: BackupText;
  onRestore: (text: BackupText) => void;
  /** Called with a function that marks the copy as submitted with the form. */
  registerSubmit: (mark: () => void) => void;
}

const same = (a: BackupText, b: BackupText) => a.title === b.title && a.content === b.content && a.excerpt === b.excerpt;

export function LocalBackup({ type, postId, text, acknowledged, justSaved, server, onRestore, registerSubmit }: Props) {
  const [offer, setOffer] = useState<Backup | null>(null);
  const key = keyFor(type, postId);
  const wasAcknowledged = useRef(true);
  const firstKey = useRef(key);

  // On opening: a copy the server does not have is offered; one it has (or just saved) is dropped.
  useEffect(() => {
    for (const k of firstKey.current.endsWith(":new") ? [firstKey.current] : [firstKey.current, keyFor(type, null)]) {
      const b = read(k);
      if (!b) continue;
      if (same(b, server) || (justSaved && b.submitted)) remove(k);
      else if (k === firstKey.current) setOffer(b);
    }
    // Read once, when the post opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // While unsaved, keep the copy current; once the server has the text, drop it.
  useEffect(() => {
    if (acknowledged) {
      if (!wasAcknowledged.current) {
        remove(key);
        if (key !== firstKey.current) remove(firstKey.current);
      }
      wasAcknowledged.current = true;
      return;
    }
    wasAcknowledged.current = false;
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(key, JSON.stringify({ ...text, savedAt: Date.now() } satisfies Backup));
        // The first autosave gives a new post its id: its copy moves with it.
        if (key !== firstKey.current) remove(firstKey.current);
      } catch {
        // Quota exceeded or storage off: the autosave is the only copy.
      }
    }, WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [key, type, text, acknowledged]);

  useEffect(() => {
    registerSubmit(() => {
      const b = read(key);
      try {
        window.localStorage.setItem(key, JSON.stringify({ ...(b ?? { ...text, savedAt: Date.now() }), ...text, submitted: true }));
      } catch {
        // See above.
      }
    });
  }, [registerSubmit, key, text]);

  if (!offer) return null;
  return (
    <div role="status" className="mb-4 border-l-4 border-amber-500 bg-white p-3">
      The backup of this {type} in your browser is different from the version below (kept {new Date(offer.savedAt).toLocaleString()}).{" "}
      <button type="button" className="underline" onClick={() => { onRestore(offer); setOffer(null); }}>Restore the backup</button>{" "}
      <button type="button" className="ml-2 underline" onClick={() => { remove(key); setOffer(null); }}>Discard it</button>
    </div>
  );
}
