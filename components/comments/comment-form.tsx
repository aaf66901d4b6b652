"use client";
// The comment form: a plain POST to /wp-comments-post.php that works without JavaScript, and,
// with it, WordPress's comment-reply behaviour: "Reply" moves the form under the comment, the
// comment is sent without a page load and appears in place (the page refreshes its data only).
// It also reads the remembered-commenter cookie itself, so the page around it can be cached.
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import { useRouter } from "next/navigation";
import { COMMENT_FIELDS, COMMENT_LIMITS } from "@/lib/validation/comment-fields";
import { COMMENTER_COOKIE, decodeCommenter } from "@/lib/comments/cookies";

interface Props {
  postId: number;
  user: { displayName: string } | null;
  requireNameEmail: boolean;
  cookiesOptIn: boolean;
  loginRequired: boolean;
  token: string;
  signOut: () => Promise<void>;
}

type Field = "author" | "email" | "url" | "comment";

export function CommentForm({ postId, user, requireNameEmail, cookiesOptIn, loginRequired, token, signOut }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Record<Field, string>>({ author: "", email: "", url: "", comment: "" });
  const [consent, setConsent] = useState(false);
  const [replyTo, setReplyTo] = useState<{ id: number; name: string; slot: HTMLElement } | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [scrollTo, setScrollTo] = useState<number | null>(null);
  const [, startTransition] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);

  // A returning commenter who ticked the box: their details, from their own cookie.
  useEffect(() => {
    const raw = document.cookie.split(/;\s*/).find((c) => c.startsWith(`${COMMENTER_COOKIE}=`));
    const remembered = decodeCommenter(raw?.slice(COMMENTER_COOKIE.length + 1));
    if (remembered) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the cookie exists only in the browser
      setValues((v) => ({ ...v, author: remembered.author, email: remembered.email, url: remembered.url }));
      setConsent(true);
    }
  }, []);

  // "Reply" links are rendered by the theme on the server; one listener serves them all.
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[data-reply-to]") as HTMLAnchorElement | null;
      if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const id = Number(link.dataset.replyTo);
      const slot = document.getElementById(`respond-slot-${id}`);
      if (!slot) return;
      e.preventDefault();
      setError(null);
      setReplyTo({ id, name: link.dataset.replyAuthor || "Anonymous", slot });
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  useEffect(() => {
    if (replyTo) textarea.current?.focus();
  }, [replyTo]);

  // After a post, wait for the refreshed thread to contain the new comment, then go to it.
  useEffect(() => {
    if (scrollTo === null) return;
    let tries = 0;
    const timer = window.setInterval(() => {
      const el = document.getElementById(`comment-${scrollTo}`);
      if (el || ++tries > 50) {
        window.clearInterval(timer);
        if (el) {
          history.replaceState(null, "", `#comment-${scrollTo}`);
          el.scrollIntoView({ block: "center" });
        }
        setScrollTo(null);
      }
    }, 100);
    return () => window.clearInterval(timer);
  }, [scrollTo]);

  const cancelReply = useCallback((e: React.MouseEvent) => {
    e.preventDefault();
    setReplyTo(null);
  }, []);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    // "Log out?" submits this form to its own server action: let React run that one.
    if ((e.nativeEvent as SubmitEvent).submitter?.hasAttribute("data-logout")) return;
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/wp-comments-post.php", { method: "POST", body: new FormData(e.currentTarget), headers: { Accept: "application/json" } });
      const body = (await res.json().catch(() => null)) as { ok: boolean; id?: number; message?: string; field?: string } | null;
      if (!res.ok || !body?.ok || !body.id) {
        setError({ message: body?.message || "Sorry, your comment could not be posted. Please try again.", field: body?.field });
        return;
      }
      setValues((v) => ({ ...v, comment: "" }));
      setReplyTo(null);
      setScrollTo(body.id);
      startTransition(() => router.refresh());
    } catch {
      setError({ message: "Sorry, your comment could not be posted. Please check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  const field = (name: Field) => ({
    id: name,
    name: COMMENT_FIELDS[name],
    value: values[name],
    maxLength: COMMENT_LIMITS[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((v) => ({ ...v, [name]: e.target.value })),
    "aria-invalid": error?.field === name || undefined,
    "aria-describedby": error?.field === name ? "comment-error" : undefined,
  });
  const star = requireNameEmail ? <span aria-hidden="true"> *</span> : null;
  const input = "mt-1 w-full border border-line bg-paper p-2";

  const form = (
    <div id="respond" className="comment-respond mt-8">
      <h3 id="reply-title" className="font-heading text-lg font-bold">
        {replyTo ? `Leave a Reply to ${replyTo.name}` : "Leave a Reply"}{" "}
        {replyTo ? (
          <small className="text-sm font-normal">
            <a href="#respond" onClick={cancelReply} className="underline">Cancel reply</a>
          </small>
        ) : null}
      </h3>
      {loginRequired ? (
        <p className="mt-2 text-sm">
          You must be <a href="/login/" className="underline">logged in</a> to post a comment.
        </p>
      ) : (
        <form action="/wp-comments-post.php" method="post" id="commentform" className="mt-2 space-y-3 text-sm" onSubmit={onSubmit} noValidate={false}>
          {error ? (
            <p id="comment-error" className="border-l-4 border-red-600 bg-red-50 p-2" role="alert">
              <strong>Error:</strong> {error.message}
            </p>
          ) : null}
          {user ? (
            <p className="logged-in-as">
              Logged in as {user.displayName}.{" "}
              <button type="submit" formAction={signOut} formNoValidate data-logout className="underline">Log out?</button>
            </p>
          ) : (
            <>
              <p className="comment-notes text-muted">
                <span id="email-notes">Your email address will not be published.</span>
                {requireNameEmail ? " Required fields are marked *" : null}
              </p>
              <p>
                <label htmlFor="author">Name{star}</label>
                <input type="text" autoComplete="name" required={requireNameEmail} className={input} {...field("author")} />
              </p>
              <p>
                <label htmlFor="email">Email{star}</label>
                <input type="email" autoComplete="email" required={requireNameEmail} className={input} {...field("email")} aria-describedby={error?.field === "email" ? "comment-error" : "email-notes"} />
              </p>
              <p>
                <label htmlFor="url">Website</label>
                <input type="url" autoComplete="url" className={input} {...field("url")} />
              </p>
            </>
          )}
          <p>
            <label htmlFor="comment">Comment<span aria-hidden="true"> *</span></label>
            <textarea ref={textarea} rows={6} required className={input} {...field("comment")} />
          </p>
          {/* People never see this field; a bot that fills every input gives itself away. */}
          <div aria-hidden="true" style={{ position: "absolute", left: "-9999px", width: 1, height: 1, overflow: "hidden" }}>
            <label htmlFor={COMMENT_FIELDS.honeypot}>Leave this field empty</label>
            <input type="text" id={COMMENT_FIELDS.honeypot} name={COMMENT_FIELDS.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          {!user && cookiesOptIn ? (
            <p className="comment-form-cookies-consent">
              <input id="wp-comment-cookies-consent" name={COMMENT_FIELDS.consent} type="checkbox" value="yes" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{" "}
              <label htmlFor="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label>
            </p>
          ) : null}
          <input type="hidden" name={COMMENT_FIELDS.timestamp} value={token} />
          <input type="hidden" name={COMMENT_FIELDS.postId} value={postId} />
          <input type="hidden" name={COMMENT_FIELDS.parentId} value={replyTo?.id ?? 0} />
          <p>
            <button type="submit" disabled={busy} className="bg-accent px-4 py-2 text-paper disabled:opacity-60">
              {busy ? "Posting…" : "Post Comment"}
            </button>
          </p>
        </form>
      )}
    </div>
  );
  return replyTo ? createPortal(form, replyTo.slot) : form;
}
