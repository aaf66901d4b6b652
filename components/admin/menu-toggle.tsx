"use client";
// The admin bar's "Menu" toggle, as WordPress has it below 782 px: the admin menu folds away on a
// phone and this opens and closes it. Without JavaScript it is a link to the menu (#adminmenu),
// which CSS shows when it is the target; once hydrated it is a button that says whether the menu
// is open, and the menu folds again when a link in it takes the reader to another screen.
import { useEffect, useState, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { ADMIN_MENU_ID } from "./menu";

const noSubscribe = () => () => {};

const Bars = () => (
  <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
    <rect x="2" y="4" width="16" height="2" />
    <rect x="2" y="9" width="16" height="2" />
    <rect x="2" y="14" width="16" height="2" />
  </svg>
);

const CLASSES = "-my-2 -ml-4 flex items-center gap-1.5 px-4 py-2.5 hover:bg-[#2c3338] focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-white min-[782px]:hidden";

export function MenuToggle() {
  // False in the server's HTML, true once hydrated: a button only where it can act.
  const ready = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Another screen: the menu folds, as a page load would leave it.
  const [shownAt, setShownAt] = useState(pathname);
  if (shownAt !== pathname) {
    setShownAt(pathname);
    setOpen(false);
  }

  useEffect(() => {
    const menu = document.getElementById(ADMIN_MENU_ID);
    if (!menu) return;
    if (open) menu.dataset.open = "";
    else delete menu.dataset.open;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") setOpen(false); };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  if (!ready) {
    return (
      <a href={`#${ADMIN_MENU_ID}`} className={CLASSES}>
        <Bars /> Menu
      </a>
    );
  }
  return (
    <button type="button" aria-expanded={open} aria-controls={ADMIN_MENU_ID} onClick={() => setOpen((o) => !o)} className={CLASSES}>
      <Bars /> Menu
    </button>
  );
}
