"use client";

// Leaving the editor with unsaved changes, by any way, never loses them silently:
// - a click on any link (the admin menu, "View post", a link in the sidebar): the text is
//   autosaved first, then the page changes; if that cannot be done, an in-page dialog asks;
// - the browser's Back button: the same, through one guard entry in the history, pushed once the
//   post has unsaved changes (Back then lands on it, and we go on once the text is saved);
// - closing or reloading the tab: the browser's own "Leave site?" question (beforeunload), the
//   only thing a page may do there. The browser copy (local-backup.tsx) covers the rest.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";

export type SaveOutcome = { ok: true } | { ok: false; message: string };

interface Props {
  /** Are there changes the server does not have? Read at the moment of leaving. */
  isDirty: () => boolean;
  /** Is the form being submitted (Publish, Save Draft, Move to Trash)? Then leaving is the point. */
  isSubmitting: () => boolean;
  /** Saves what can be saved without the form (the autosave). */
  save: () => Promise<SaveOutcome>;
  /** Something may need saving on the way out: the guard entry for Back goes into the history. */
  armed: boolean;
}

type Pending = { kind: "link"; href: string } | { kind: "back" };

export function LeaveGuard({ isDirty, isSubmitting, save, armed }: Props) {
  const router = useRouter();
  const [state, setState] = useState<{ pending: Pending; phase: "saving" | "failed"; message?: string } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const leaving = useRef(false);
  const guarded = useRef(false);
  const props = useRef({ isDirty, isSubmitting, save });
  useEffect(() => {
    props.current = { isDirty, isSubmitting, save };
  });

  const go = useRef((p: Pending) => {
    leaving.current = true;
    if (p.kind === "back") return window.history.back();
    const url = new URL(p.href, window.location.href);
    if (url.origin === window.location.origin) router.push(url.pathname + url.search + url.hash);
    else window.location.assign(url.href);
  });

  const leave = useRef(async (p: Pending) => {
    setState({ pending: p, phase: "saving" });
    const res = await props.current.save().catch(() => ({ ok: false as const, message: "the server could not be reached." }));
    if (res.ok) {
      setState(null);
      go.current(p);
    } else setState({ pending: p, phase: "failed", message: res.message });
  });

  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || (a.target && a.target !== "_self") || a.hasAttribute("download") || a.closest(".ProseMirror")) return;
      const url = new URL(a.href, window.location.href);
      if (!/^https?:$/.test(url.protocol)) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
      if (leaving.current || props.current.isSubmitting() || !props.current.isDirty()) return;
      // Capture phase on the document: ahead of Next's <Link> handler and the browser's navigation.
      e.preventDefault();
      e.stopPropagation();
      void leave.current({ kind: "link", href: a.href });
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current || props.current.isSubmitting() || !props.current.isDirty()) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onPopState = () => {
      // Back from the guard entry: we are on the editor's own entry; the person wants to leave it.
      if (!guarded.current) return;
      guarded.current = false;
      if (leaving.current || props.current.isSubmitting()) return;
      if (!props.current.isDirty()) return go.current({ kind: "back" });
      void leave.current({ kind: "back" });
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("popstate", onPopState);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("popstate", onPopState);
    };
  }, []);

  // The guard entry: pushed once, when there is first something to lose (the first keystroke, before
  // the typed text has reached the form's state).
  useEffect(() => {
    if (!armed || guarded.current || leaving.current) return;
    window.history.pushState(window.history.state, "", window.location.href);
    guarded.current = true;
  }, [armed]);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (state?.phase === "failed" && !d.open) d.showModal();
    if (state?.phase !== "failed" && d.open) d.close();
  }, [state]);

  function stay() {
    if (state?.pending.kind === "back" && !guarded.current) {
      window.history.pushState(window.history.state, "", window.location.href);
      guarded.current = true;
    }
    setState(null);
  }

  function leaveAnyway() {
    const p = state?.pending;
    setState(null);
    if (p) go.current(p);
  }

  return (
    <>
      {state?.phase === "saving" ? <p role="status" className="fixed bottom-4 left-1/2 z-50 -translate-x-1/2 rounded bg-[#1d2327] px-3 py-2 text-sm text-white">Saving your changes before leaving…</p> : null}
      <dialog ref={dialog} aria-labelledby="leave-h" aria-describedby="leave-d" onCancel={(e) => { e.preventDefault(); stay(); }}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded border border-gray-400 bg-white p-4 text-sm backdrop:bg-black/40">
        <h2 id="leave-h" className="text-base font-semibold">Leave without saving?</h2>
        <p id="leave-d" className="mt-2">
          Your changes could not be saved: {state?.message} If you leave now, they stay in this browser and are offered again the next time you open this post.
        </p>
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" onClick={leaveAnyway} className="rounded border border-red-700 px-3 py-1 text-red-800">Leave anyway</button>
          <button type="button" onClick={stay} autoFocus className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">Stay on this page</button>
        </div>
      </dialog>
    </>
  );
}
