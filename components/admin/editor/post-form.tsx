"use client";

// The editor for posts and pages. A plain <form> that posts to the save action (works without
// JavaScript); with JavaScript it adds the visual editor, autosave every 60 s and when the tab is
// hidden, Preview, a warning before leaving with unsaved changes, and slug-from-title.
import { startTransition, useActionState, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from "react";
import Link from "next/link";
import { initialFormState } from "@/lib/form-state";
import { POST_LIMITS } from "@/lib/validation/post";
import { slugify } from "@/lib/content/slug";
import type { EditorActions } from "@/lib/posts/editor-results";
import { EditorActionsContext } from "./actions-context";
import { RichTextEditor } from "./rich-text";
import { LeaveGuard, type SaveOutcome } from "./leave-guard";
import { LocalBackup, type BackupText } from "./local-backup";
import { useSaveShortcut } from "./save-shortcut";
import { FeaturedImagePanel } from "./media/featured-image-panel";
import type { EditorInitial, EditorOptions } from "./types";

const AUTOSAVE_MS = 60_000;

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return <p id={id} className="mt-1 text-sm text-red-800">{errors.join(" ")}</p>;
}

/** `actions` are the screen's server actions (app/admin/posts/_components/editor-screen.tsx). */
export function PostForm({ initial, options, actions }: { initial: EditorInitial; options: EditorOptions; actions: EditorActions }) {
  const [state, formAction, pending] = useActionState(actions.save, initialFormState);
  const v = state.values;
  const [postId, setPostId] = useState<number | null>(initial.id);
  const [version, setVersion] = useState(initial.version);
  const [title, setTitle] = useState(v?.title ?? initial.title);
  const [slug, setSlug] = useState(v?.slug ?? initial.slug);
  const [slugEdited, setSlugEdited] = useState(!!initial.slug);
  const [content, setContent] = useState(v?.content ?? initial.content);
  const [excerpt, setExcerpt] = useState(v?.excerpt ?? initial.excerpt);
  const [visibility, setVisibility] = useState(v?.visibility ?? initial.visibility);
  const [date, setDate] = useState(v?.date ?? initial.date);
  const [categories, setCategories] = useState(options.categories);
  const [checked, setChecked] = useState<Set<number>>(new Set(initial.categoryIds));
  const [newCat, setNewCat] = useState("");
  const [autosaveNote, setAutosaveNote] = useState<string | null>(null);
  const [restoreOffer, setRestoreOffer] = useState(options.autosave);
  const [otherDirty, setOtherDirty] = useState(false);
  // Set at the first keystroke in the canvas, which reaches `content` only after a pause in typing.
  const [touched, setTouched] = useState(false);
  const [savedSnap, setSavedSnap] = useState(() => JSON.stringify([initial.title, initial.content, initial.excerpt]));
  // The date is wall-clock time in the site's zone, whatever the browser's zone is.
  const isFuture = (local: string) => !!local && Date.parse(`${local}Z`) - options.tzOffsetMinutes * 60_000 > Date.now();
  const [future, setFuture] = useState(() => isFuture(initial.date));
  const submitting = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  // The title grows with its lines (a long title wraps on a phone instead of scrolling sideways):
  // CSS's field-sizing where the browser has it, else measured here as the title changes.
  useLayoutEffect(() => {
    const el = titleRef.current;
    if (!el || CSS.supports("field-sizing", "content")) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight}px`;
  }, [title]);
  useSaveShortcut(formRef);
  const errors = state.fieldErrors ?? {};
  const type = options.type;
  const live = initial.status === "publish" || initial.status === "future" || initial.status === "private";
  const conflict = v?.conflict === "1";

  const snapshot = JSON.stringify([title, content, excerpt]);
  const dirty = snapshot !== savedSnap || otherDirty;
  const latest = useRef({ postId, title, content, excerpt, snapshot, savedSnap, dirty });
  const otherDirtyRef = useRef(otherDirty);
  // The visual editor writes into `content` after a pause in typing; this writes what is pending
  // at once, so that whatever reads `latest` next sees every keystroke.
  const flushRef = useRef<(() => void) | null>(null);
  const flushContent = () => flushRef.current?.();
  // A layout effect, so that `latest` is current as soon as a flush has rendered.
  useLayoutEffect(() => {
    latest.current = { postId, title, content, excerpt, snapshot, savedSnap, dirty };
    otherDirtyRef.current = otherDirty;
  });
  const backupText = useMemo<BackupText>(() => ({ title, content, excerpt }), [title, content, excerpt]);
  const markSubmitted = useRef(() => {});
  const registerSubmit = useCallback((mark: () => void) => { markSubmitted.current = mark; }, []);

  const autosave = useCallback(async (force = false) => {
    flushRef.current?.();
    const cur = latest.current;
    if (!force && cur.snapshot === cur.savedSnap) return null;
    if (!cur.postId && !cur.title.trim() && !cur.content.trim() && !force) return null;
    const res = await actions.autosave({ id: cur.postId ?? undefined, type, title: cur.title, content: cur.content, excerpt: cur.excerpt });
    if (!res.ok) {
      setAutosaveNote(`Autosave failed: ${res.message}`);
      return null;
    }
    latest.current = { ...latest.current, savedSnap: cur.snapshot };
    setSavedSnap(cur.snapshot);
    if (!cur.postId) {
      setPostId(res.id);
      setVersion(res.version);
      window.history.replaceState(null, "", `/admin/${type === "page" ? "pages" : "posts"}/${res.id}/`);
    }
    setAutosaveNote(`Autosaved at ${new Date(res.savedAt).toLocaleTimeString()}.`);
    return res;
  }, [type, actions]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (!submitting.current) void autosave();
    }, AUTOSAVE_MS);
    const onHidden = () => {
      if (document.visibilityState === "hidden" && !submitting.current) void autosave();
    };
    document.addEventListener("visibilitychange", onHidden);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onHidden);
    };
  }, [autosave]);

  // A refused save shows its reason where the writer is looking: the first field that needs
  // attention gets the focus (and scrolls into view), else the notice at the top does; on a phone
  // the Publish button is far below both.
  useEffect(() => {
    if (state.status !== "error") return;
    submitting.current = false;
    const form = formRef.current;
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) {
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" });
    } else {
      document.getElementById("form-error")?.scrollIntoView({ block: "center" });
    }
  }, [state]);

  async function preview(e: MouseEvent<HTMLButtonElement>) {
    // Open the window within the click (popup blockers), then point it at the site's preview of
    // everything on screen: the text, and the terms and image the form holds.
    const fd = new FormData(e.currentTarget.form!);
    const win = window.open("about:blank", `inkwell-preview-${postId ?? "new"}`);
    flushContent();
    const cur = latest.current;
    const res = await actions.preview({
      id: cur.postId ?? undefined, type, title: cur.title, content: cur.content, excerpt: cur.excerpt,
      categories: fd.getAll("categories").map(String), tags: String(fd.get("tags") ?? ""), featuredMediaId: String(fd.get("featuredMediaId") ?? ""),
    }).catch(() => ({ ok: false as const, message: "The server could not be reached." }));
    if (!res.ok) {
      win?.close();
      return setAutosaveNote(`Preview failed: ${res.message}`);
    }
    latest.current = { ...latest.current, savedSnap: cur.snapshot };
    setSavedSnap(cur.snapshot);
    if (!cur.postId) {
      setPostId(res.id);
      setVersion(res.version);
      window.history.replaceState(window.history.state, "", `/admin/${type === "page" ? "pages" : "posts"}/${res.id}/`);
    }
    if (win) win.location.href = res.previewUrl;
  }

  /** Before leaving: the autosave keeps the text; other changes only a save keeps, so we ask. */
  async function saveBeforeLeaving(): Promise<SaveOutcome> {
    flushContent();
    const cur = latest.current;
    if (cur.snapshot !== cur.savedSnap && !(await autosave())) return { ok: false, message: "the autosave did not reach the server." };
    if (otherDirtyRef.current) return { ok: false, message: "changes to categories, tags and other settings are kept only by Save Draft, Publish or Update." };
    return { ok: true };
  }

  async function addCategory() {
    const name = newCat.trim();
    if (!name) return;
    const parent = (document.getElementById("newCategoryParent") as HTMLSelectElement | null)?.value;
    const res = await actions.addCategory({ name, parentId: parent || null });
    if (!res.ok) return setAutosaveNote(res.message);
    setCategories((cs) => (cs.some((c) => c.id === res.id) ? cs : [{ id: res.id, name: res.name, depth: 0 }, ...cs]));
    setChecked((s) => new Set(s).add(res.id));
    setNewCat("");
    setOtherDirty(true);
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    flushContent();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const fd = new FormData(e.currentTarget, submitter);
    submitting.current = true;
    markSubmitted.current();
    startTransition(() => formAction(fd));
  }

  const publishLabel = future ? "Schedule" : "Publish";
  const statusLabel: Record<string, string> = { publish: "Published", future: "Scheduled", draft: "Draft", pending: "Pending Review", private: "Privately Published", trash: "Trash" };
  const base = type === "page" ? "/admin/pages/" : "/admin/posts/";
  const mediaLimits = options.media ? { ...options.media, postId } : null;
  const described = (name: string) => (errors[name]?.length ? `${name}-error` : undefined);

  return (
    <EditorActionsContext value={actions}>
      {options.notice ? <p role="status" className="mb-4 border-l-4 border-green-600 bg-white p-3">{options.notice}{options.permalink && live ? <> <a className="underline" href={options.permalink}>View {type}</a></> : null}</p> : null}
      {options.filtered ? <p role="status" className="mb-4 border-l-4 border-amber-500 bg-white p-3">Some HTML was removed because your role may not use it (for example scripts or event handlers).</p> : null}
      {state.status === "error" && state.message ? (
        <div role="alert" id="form-error" className="mb-4 border-l-4 border-red-700 bg-red-50 p-3">
          <p>{state.message}</p>
        </div>
      ) : null}
      <LeaveGuard armed={dirty || touched} isDirty={() => (flushContent(), latest.current.dirty)} isSubmitting={() => submitting.current} save={saveBeforeLeaving} />
      <LocalBackup type={type} postId={postId} text={backupText} acknowledged={snapshot === savedSnap} justSaved={!!options.notice}
        server={{ title: initial.title, content: initial.content, excerpt: initial.excerpt }}
        onRestore={(b) => { setTitle(b.title); setContent(b.content); setExcerpt(b.excerpt); }} registerSubmit={registerSubmit} />
      {restoreOffer ? (
        <div role="status" className="mb-4 border-l-4 border-amber-500 bg-white p-3">
          There is an autosave of this {type} that is more recent than the version below.{" "}
          <button type="button" className="underline" onClick={() => { setTitle(restoreOffer.title); setContent(restoreOffer.content); setExcerpt(restoreOffer.excerpt); setRestoreOffer(null); }}>
            Restore the autosave
          </button>
        </div>
      ) : null}
      <form ref={formRef} data-editor-layout action={formAction} onSubmit={onSubmit} onChange={(e) => {
        const n = (e.target as unknown as HTMLInputElement).name;
        if (n && !["title", "slug", "content", "excerpt"].includes(n)) setOtherDirty(true);
      }} className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]" noValidate>
        <input type="hidden" name="id" value={postId ?? ""} />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="version" value={version} />
        <div className="min-w-0 space-y-4">
          <div data-theme={options.theme} className="editor-title rounded border border-gray-400">
            <label htmlFor="title" className="sr-only">Title</label>
            {/* A title wraps as it does on the site (WordPress's title is a heading that wraps too);
                Enter goes on to the content, as there, and so does Tab, as in WordPress's classic
                editor (the permalink field after it stays reachable with Shift+Tab from the text). */}
            <textarea id="title" name="title" ref={titleRef} rows={1} value={title} maxLength={POST_LIMITS.title} placeholder="Add title" aria-describedby={described("title")}
              onChange={(e) => { const t = e.target.value.replace(/[\r\n]+/g, " "); setTitle(t); if (!slugEdited && !live) setSlug(slugify(t)); }}
              onKeyDown={(e) => {
                const onward = (e.key === "Enter" && !e.nativeEvent.isComposing) || (e.key === "Tab" && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey);
                if (!onward) return;
                e.preventDefault();
                const form = e.currentTarget.form;
                (form?.querySelector<HTMLElement>(".ProseMirror") ?? form?.querySelector<HTMLElement>('textarea[name="content"]'))?.focus();
              }}
              className="entry-title block w-full px-3 py-2" />
          </div>
          <div>
            <FieldError id="title-error" errors={errors.title} />
          </div>
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="slug">Slug</label>
            <input id="slug" name="slug" value={slug} maxLength={POST_LIMITS.slug} placeholder="made from the title" aria-describedby={described("slug")} aria-invalid={!!errors.slug}
              onChange={(e) => { setSlug(e.target.value); setSlugEdited(true); }} className="flex-1 rounded border border-gray-400 bg-white px-2 py-1" />
          </div>
          <FieldError id="slug-error" errors={errors.slug} />
          <div>
            <RichTextEditor name="content" value={content} onChange={setContent} maxLength={POST_LIMITS.content} media={mediaLimits} describedBy={described("content")} theme={options.theme} flushRef={flushRef} onEdit={() => setTouched(true)} />
            <FieldError id="content-error" errors={errors.content} />
            <p className="mt-1 text-xs text-gray-600" aria-live="polite">{autosaveNote}</p>
          </div>
          <section data-editor-side aria-labelledby="excerpt-h" className="rounded border border-gray-300 bg-white p-3">
            <h2 id="excerpt-h" className="font-semibold"><label htmlFor="excerpt">Excerpt</label></h2>
            <textarea id="excerpt" name="excerpt" value={excerpt} onChange={(e) => setExcerpt(e.target.value)} maxLength={POST_LIMITS.excerpt} rows={3} className="mt-2 w-full rounded border border-gray-400 p-2" />
            <FieldError id="excerpt-error" errors={errors.excerpt} />
          </section>
          {type === "post" ? (
            <section data-editor-side aria-labelledby="reply-h" className="rounded border border-gray-300 bg-white p-3 text-sm">
              <h2 id="reply-h" className="font-semibold"><label htmlFor="inReplyTo">In reply to</label></h2>
              <input id="inReplyTo" name="inReplyTo" type="url" defaultValue={v?.inReplyTo ?? initial.inReplyTo} maxLength={POST_LIMITS.inReplyTo} placeholder="https://mastodon.social/@someone/1234" aria-describedby={`inReplyTo-help${errors.inReplyTo ? " inReplyTo-error" : ""}`} aria-invalid={!!errors.inReplyTo} className="mt-2 w-full rounded border border-gray-400 px-2 py-1" />
              <p id="inReplyTo-help" className="mt-1 text-xs text-gray-600">A fediverse post this post answers: published, it goes to that post’s author as a reply.</p>
              <FieldError id="inReplyTo-error" errors={errors.inReplyTo} />
            </section>
          ) : null}
          <section data-editor-side aria-labelledby="discussion-h" className="rounded border border-gray-300 bg-white p-3 text-sm">
            <h2 id="discussion-h" className="font-semibold">Discussion</h2>
            <label className="mt-2 flex gap-2"><input type="checkbox" name="commentStatus" defaultChecked={initial.commentOpen} /> Allow comments</label>
            <label className="flex gap-2"><input type="checkbox" name="pingStatus" defaultChecked={initial.pingOpen} /> Allow trackbacks and pingbacks</label>
            <label htmlFor="toPing" className="mt-2 block">Send trackbacks to</label>
            <textarea id="toPing" name="toPing" defaultValue={v?.toPing ?? initial.toPing} rows={2} placeholder="Separate multiple URLs with spaces" aria-describedby={described("toPing")} className="mt-1 w-full rounded border border-gray-400 p-2" />
            <FieldError id="toPing-error" errors={errors.toPing} />
          </section>
        </div>

        <aside data-editor-side className="space-y-4 text-sm">
          <section aria-labelledby="publish-h" className="rounded border border-gray-300 bg-white p-3">
            <h2 id="publish-h" className="font-semibold">Publish</h2>
            <p className="mt-2">Status: <strong>{initial.status ? statusLabel[initial.status] : "Not saved yet"}</strong></p>
            <fieldset className="mt-2">
              <legend>Visibility</legend>
              {(["public", "password", "private"] as const).map((vis) => (
                <label key={vis} className="flex gap-2">
                  <input type="radio" name="visibility" value={vis} checked={visibility === vis} onChange={() => setVisibility(vis)} disabled={vis === "private" && !options.canPublish} />
                  {vis === "public" ? "Public" : vis === "password" ? "Password protected" : "Private"}
                </label>
              ))}
            </fieldset>
            {visibility === "password" ? (
              <div className="mt-1">
                <label htmlFor="password" className="block">Password</label>
                <input id="password" name="password" defaultValue={v?.password ?? initial.password} maxLength={POST_LIMITS.password} aria-describedby={described("password")} className="w-full rounded border border-gray-400 px-2 py-1" />
              </div>
            ) : <input type="hidden" name="password" value={initial.password} />}
            <FieldError id="password-error" errors={errors.password} />
            {type === "post" && options.canEditOthers ? (
              <label className="mt-2 flex gap-2"><input type="checkbox" name="sticky" defaultChecked={initial.sticky} /> Stick to the top of the blog</label>
            ) : null}
            <div className="mt-2">
              <label htmlFor="date" className="block">{live ? "Published on" : "Publish on"} <span className="text-gray-600">({options.timeZone}; empty = immediately)</span></label>
              <input id="date" name="date" type="datetime-local" step={1} value={date} onChange={(e) => { setDate(e.target.value); setFuture(isFuture(e.target.value)); }} aria-describedby={described("date")} aria-invalid={!!errors.date} className="w-full rounded border border-gray-400 px-2 py-1" />
              <FieldError id="date-error" errors={errors.date} />
            </div>
            {conflict ? (
              <label className="mt-3 flex gap-2 rounded bg-red-50 p-2"><input type="checkbox" name="overwrite" value="1" /> Overwrite the other version with mine</label>
            ) : null}
            <div className="mt-3 flex flex-wrap gap-2">
              {!live ? (
                <button type="submit" name="intent" value="save_draft" disabled={pending} className="rounded border border-[#2271b1] px-3 py-1 text-[#2271b1]">
                  {initial.status === "pending" ? "Save as Pending" : "Save Draft"}
                </button>
              ) : null}
              <button type="button" onClick={preview} className="rounded border border-gray-400 px-3 py-1">Preview</button>
            </div>
            <div className="mt-3 flex flex-wrap items-center justify-between gap-2 border-t border-gray-200 pt-3">
              {initial.id && initial.status !== "trash" ? (
                <button type="submit" form="trash-form" className="text-red-700 underline">Move to Trash</button>
              ) : <span />}
              {live ? (
                <span className="flex gap-2">
                  {options.canPublish ? <button type="submit" name="intent" value="switch_draft" disabled={pending} className="rounded border border-gray-400 px-3 py-1">Switch to Draft</button> : null}
                  <button type="submit" name="intent" value="update" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">Update</button>
                </span>
              ) : options.canPublish ? (
                <button type="submit" name="intent" value="publish" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">{publishLabel}</button>
              ) : (
                <button type="submit" name="intent" value="submit_review" disabled={pending} className="rounded bg-[#2271b1] px-3 py-1 font-semibold text-white">Submit for Review</button>
              )}
            </div>
            {initial.id && options.revisionsCount > 0 ? (
              <p className="mt-3"><Link className="underline" href={`${base}${initial.id}/revisions/`}>Revisions ({options.revisionsCount})</Link></p>
            ) : null}
          </section>

          {options.authors.length ? (
            <section aria-labelledby="author-h" className="rounded border border-gray-300 bg-white p-3">
              <h2 id="author-h" className="font-semibold"><label htmlFor="authorId">Author</label></h2>
              <select id="authorId" name="authorId" defaultValue={v?.authorId ?? String(initial.authorId)} aria-describedby={described("authorId")} className="mt-2 w-full rounded border border-gray-400 px-2 py-1">
                {options.authors.map((a) => <option key={a.id} value={a.id}>{a.displayName}</option>)}
              </select>
              <FieldError id="authorId-error" errors={errors.authorId} />
            </section>
          ) : null}

          {type === "page" ? (
            <section aria-labelledby="attributes-h" className="rounded border border-gray-300 bg-white p-3">
              <h2 id="attributes-h" className="font-semibold">Page Attributes</h2>
              <label htmlFor="parentId" className="mt-2 block">Parent</label>
              <select id="parentId" name="parentId" defaultValue={v?.parentId ?? String(initial.parentId ?? "")} aria-describedby={described("parentId")} className="w-full rounded border border-gray-400 px-2 py-1">
                <option value="">(no parent)</option>
                {options.parents.map((p) => <option key={p.id} value={p.id}>{"\u2014 ".repeat(p.depth)}{p.title || "(no title)"}</option>)}
              </select>
              <FieldError id="parentId-error" errors={errors.parentId} />
              <label htmlFor="menuOrder" className="mt-2 block">Order</label>
              <input id="menuOrder" name="menuOrder" type="number" defaultValue={v?.menuOrder ?? initial.menuOrder} className="w-24 rounded border border-gray-400 px-2 py-1" />
            </section>
          ) : (
            <>
              <section aria-labelledby="categories-h" className="rounded border border-gray-300 bg-white p-3">
                <h2 id="categories-h" className="font-semibold">Categories</h2>
                <ul className="mt-2 max-h-48 overflow-auto">
                  {categories.map((c) => (
                    <li key={c.id} style={{ paddingLeft: `${c.depth * 1.25}rem` }}>
                      <label className="flex gap-2">
                        <input type="checkbox" name="categories" value={c.id} checked={checked.has(c.id)}
                          onChange={(e) => setChecked((s) => { const n = new Set(s); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })} />
                        {c.name}
                      </label>
                    </li>
                  ))}
                </ul>
                {options.canManageCategories ? (
                  <div className="mt-2 border-t border-gray-200 pt-2">
                    <label htmlFor="newCategory" className="block">Add New Category</label>
                    <input id="newCategory" name="newCategory" value={newCat} onChange={(e) => setNewCat(e.target.value)} maxLength={POST_LIMITS.termName}
                      onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); void addCategory(); } }} className="w-full rounded border border-gray-400 px-2 py-1" />
                    <label htmlFor="newCategoryParent" className="sr-only">Parent category</label>
                    <select id="newCategoryParent" name="newCategoryParent" className="mt-1 w-full rounded border border-gray-400 px-2 py-1" defaultValue="">
                      <option value="">— Parent Category —</option>
                      {categories.map((c) => <option key={c.id} value={c.id}>{"\u2014 ".repeat(c.depth)}{c.name}</option>)}
                    </select>
                    <button type="button" onClick={() => void addCategory()} className="mt-1 rounded border border-gray-400 px-2 py-0.5">Add Category</button>
                  </div>
                ) : null}
              </section>
              <section aria-labelledby="tags-h" className="rounded border border-gray-300 bg-white p-3">
                <h2 id="tags-h" className="font-semibold"><label htmlFor="tags">Tags</label></h2>
                <input id="tags" name="tags" defaultValue={v?.tags ?? initial.tags} list="tag-suggestions" aria-describedby="tags-help" className="mt-2 w-full rounded border border-gray-400 px-2 py-1" />
                <datalist id="tag-suggestions">{options.tagSuggestions.map((t) => <option key={t} value={t} />)}</datalist>
                <p id="tags-help" className="mt-1 text-xs text-gray-600">Separate tags with commas.</p>
              </section>
            </>
          )}

          <FeaturedImagePanel images={options.images} initialId={v?.featuredMediaId ?? String(initial.featuredMediaId ?? "")} limits={mediaLimits}
            describedBy={described("featuredMediaId")} error={<FieldError id="featuredMediaId-error" errors={errors.featuredMediaId} />} />
        </aside>
      </form>
      {initial.id ? (
        <form id="trash-form" action={actions.trash} onSubmit={() => { submitting.current = true; }}>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="type" value={type} />
        </form>
      ) : null}
    </EditorActionsContext>
  );
}
