"use client";
// The header menu of both themes: WordPress's navigation with the disclosure pattern of the
// WAI-ARIA practices. Without JavaScript every link is still reachable (submenus open on hover
// and focus-within, and on phones the whole list shows stacked); with it, a button with
// aria-expanded opens each submenu by click or keyboard, Esc closes it, and phones get a Menu button.
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import type { NavItem } from "@/lib/content/views";

const noSubscribe = () => () => {};

export function NavMenu({ items, label, id }: { items: NavItem[]; label: string; id: string }) {
  // False in the server's HTML, true once hydrated: the buttons exist only where they work.
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [listOpen, setListOpen] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const navRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(new Set());
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, []);

  const toggle = (itemId: string, ancestors: string[]) =>
    setOpen((cur) => (cur.has(itemId) ? new Set([...cur].filter((x) => x !== itemId)) : new Set([...ancestors, itemId])));

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== "Escape") return;
    // Esc closes the innermost open submenu and returns focus to its button; then the phone list.
    const li = (e.target as HTMLElement).closest<HTMLElement>("li[data-open]");
    const itemId = li?.dataset.item;
    if (itemId && open.has(itemId)) {
      setOpen((cur) => new Set([...cur].filter((x) => x !== itemId)));
      li?.querySelector<HTMLButtonElement>(":scope > .site-nav-sub-toggle")?.focus();
    } else if (listOpen) {
      setListOpen(false);
      navRef.current?.querySelector<HTMLButtonElement>(".site-nav-toggle")?.focus();
    }
  };

  const render = (list: NavItem[], ancestors: string[]) =>
    list.map((item) => {
      const subId = `${id}-sub-${item.id}`;
      const isOpen = open.has(item.id);
      return (
        <li key={item.id} className={`site-nav-item ${item.classes ?? ""}`.trim()} data-item={item.id} data-open={item.children.length ? String(isOpen) : undefined}>
          <a href={item.url} target={item.target} rel={item.target === "_blank" ? "noopener" : undefined}>{item.label}</a>
          {item.children.length ? (
            <>
              <button type="button" className="site-nav-sub-toggle" hidden={!enhanced} aria-expanded={isOpen} aria-controls={subId} onClick={() => toggle(item.id, ancestors)}>
                <span aria-hidden="true">▾</span>
                <span className="sr-only">{`${item.label} submenu`}</span>
              </button>
              <ul id={subId} className="site-nav-sub">{render(item.children, [...ancestors, item.id])}</ul>
            </>
          ) : null}
        </li>
      );
    });

  return (
    <nav ref={navRef} aria-label={label} className="site-nav" data-js={enhanced ? "" : undefined} data-list-open={String(listOpen)} onKeyDown={onKeyDown}>
      <button type="button" className="site-nav-toggle" hidden={!enhanced} aria-expanded={listOpen} aria-controls={`${id}-list`} onClick={() => setListOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> Menu
      </button>
      <ul id={`${id}-list`} className="site-nav-list">{render(items, [])}</ul>
    </nav>
  );
}
