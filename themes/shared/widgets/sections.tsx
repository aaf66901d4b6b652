// The sidebar's widget markup, as WordPress's widgets print it: each widget a <section class="widget">
// named by its <h2>. The screens under app/(site)/_components/ load the data and render these;
// the data-heavy lists are strings built beside this file (lists.ts, pages.ts, calendar.ts).
import type { ReactNode } from "react";
import { RawHtml } from "@/components/site/raw-html";
import type { NavItem } from "@/lib/content/views";

const HEADING = "mb-2 font-heading text-base font-bold uppercase tracking-wide";

/** A widget under its fixed title (Search, Meta). */
export function Widget({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="widget mb-8" aria-labelledby={`widget-${id}`}>
      <h2 id={`widget-${id}`} className={HEADING}>{title}</h2>
      {children}
    </section>
  );
}

/** A widget under the title the site gave it; without one (WordPress shows none) it is named by its label. */
export function TitledWidget({ id, title, label, children }: { id: string; title: string; label: string; children: ReactNode }) {
  return (
    <section className={`widget widget_${id} mb-8`} {...(title ? { "aria-labelledby": `widget-${id}` } : { "aria-label": label })}>
      {title ? <h2 id={`widget-${id}`} className={HEADING}>{title}</h2> : null}
      {children}
    </section>
  );
}

/** A widget whose whole markup, heading included, is one string (lists.ts's widgetSection). */
export function HtmlWidget({ id, html }: { id: string; html: string }) {
  return <RawHtml as="section" className="widget mb-8" aria-labelledby={`widget-${id}`} html={html} />;
}

/** The Text and Custom HTML widgets' body: HTML sanitized when it was saved. */
export function TextWidgetBody({ html, custom = false }: { html: string; custom?: boolean }) {
  return <RawHtml className={custom ? "textwidget custom-html-widget space-y-3 [&_a]:underline" : "textwidget space-y-3 [&_a]:underline"} html={html} />;
}

/** The Image widget: the picture, linked when the widget says so, and its caption. */
export function ImageWidgetFigure({ img, alt, href, caption }: { img: { url: string; width: number | null; height: number | null }; alt: string; href: string; caption?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- a file of the media library, with its own dimensions
  const picture = <img src={img.url} alt={alt} width={img.width ?? undefined} height={img.height ?? undefined} loading="lazy" decoding="async" className="h-auto max-w-full" />;
  return (
    <figure>
      {href ? <a href={href}>{picture}</a> : picture}
      {caption ? <figcaption className="mt-1 text-muted">{caption}</figcaption> : null}
    </figure>
  );
}

/** The Meta widget's list; `login` is "Log in" (and "Register"), or "Site Admin" for a signed-in visitor. */
export function MetaList({ login }: { login: ReactNode }) {
  return (
    <ul className="space-y-1">
      {login}
      <li><a href="/feed/" className="underline">Entries feed</a></li>
      <li><a href="/comments/feed/" className="underline">Comments feed</a></li>
    </ul>
  );
}

export function LoggedOutLinks({ canRegister }: { canRegister: boolean }) {
  return (
    <>
      {canRegister ? <li><a href="/register/" className="underline">Register</a></li> : null}
      <li><a href="/login/" className="underline">Log in</a></li>
    </>
  );
}

export function SiteAdminLink() {
  return <li><a href="/admin/" className="underline">Site Admin</a></li>;
}

function MenuItems({ items }: { items: NavItem[] }) {
  return items.map((i) => (
    <li key={i.id} className={i.classes}>
      <a href={i.url} target={i.target} rel={i.target === "_blank" ? "noopener" : undefined} className="underline">{i.label}</a>
      {i.children.length ? <ul className="mt-1 space-y-1 pl-4"><MenuItems items={i.children} /></ul> : null}
    </li>
  ));
}

/** The Navigation Menu widget: a chosen menu as a plain nested list, under its title. */
export function NavMenuWidgetView({ title, items }: { title: string; items: NavItem[] }) {
  return (
    <section className="widget mb-8" aria-labelledby="widget-nav-menu">
      <h2 id="widget-nav-menu" className={HEADING}>{title}</h2>
      <nav aria-labelledby="widget-nav-menu">
        <ul className="space-y-1"><MenuItems items={items} /></ul>
      </nav>
    </section>
  );
}
