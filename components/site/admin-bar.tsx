"use client";
// WordPress's admin bar on the public site, for signed-in users. Its links come from
// /api/admin-bar for this page (lib/site/admin-bar.ts decides them by capability); on phones the
// menus hide behind one button, as WordPress's bar collapses to icons.
import { useEffect, useId, useState } from "react";
import type { AdminBarData } from "@/lib/site/admin-bar";

type Menu = "new" | "user" | null;

export function AdminBar({ signOut }: { signOut: () => Promise<void> }) {
  const [data, setData] = useState<AdminBarData | null>(null);
  const [open, setOpen] = useState<Menu>(null);
  const [phoneOpen, setPhoneOpen] = useState(false);
  const ids = useId();

  useEffect(() => {
    const ctrl = new AbortController();
    fetch(`/api/admin-bar?path=${encodeURIComponent(location.pathname + location.search)}`, { signal: ctrl.signal, credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then(setData, () => {});
    return () => ctrl.abort();
  }, []);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !(e.target as Element).closest?.(".ab-menu")) setOpen(null);
    };
    document.addEventListener("keydown", close);
    document.addEventListener("pointerdown", close);
    return () => {
      document.removeEventListener("keydown", close);
      document.removeEventListener("pointerdown", close);
    };
  }, [open]);

  if (!data) return null;
  const menu = (key: Exclude<Menu, null>, label: string, items: React.ReactNode) => (
    <li className="ab-menu">
      <button type="button" aria-expanded={open === key} aria-controls={`${ids}-${key}`} onClick={() => setOpen(open === key ? null : key)}>{label}</button>
      <ul id={`${ids}-${key}`} className="ab-sub" hidden={open !== key}>{items}</ul>
    </li>
  );
  return (
    <nav id="wpadminbar" aria-label="Toolbar" className="admin-bar" data-phone-open={String(phoneOpen)}>
      <button type="button" className="ab-phone-toggle" aria-expanded={phoneOpen} aria-controls={`${ids}-items`} onClick={() => setPhoneOpen((o) => !o)}>
        Toolbar
      </button>
      <ul id={`${ids}-items`} className="ab-items">
        <li><a href={data.site.url}>{data.site.label}<span className="sr-only"> Dashboard</span></a></li>
        {data.pending ? (
          <li><a href={data.pending.url}>{`${data.pending.count} ${data.pending.count === 1 ? "comment" : "comments"} awaiting moderation`}</a></li>
        ) : null}
        {data.newItems.length ? menu("new", "+ New", data.newItems.map((i) => <li key={i.url}><a href={i.url}>{i.label}</a></li>)) : null}
        {data.edit ? <li><a href={data.edit.url}>{data.edit.label}</a></li> : null}
        {menu("user", `Howdy, ${data.user.name}`, (
          <>
            <li><a href={data.user.profileUrl}>Edit Profile</a></li>
            <li><form action={signOut}><button type="submit">Log Out</button></form></li>
          </>
        ))}
      </ul>
    </nav>
  );
}
