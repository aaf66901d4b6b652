import type { PostPassNotice } from "@/lib/content/post-pass";

/** WordPress's post password form; `action` is the site's unlockPostAction (app/(site)/actions.ts). */
export function PasswordForm({ postId, notice, action }: { postId: number; notice?: PostPassNotice; action: (formData: FormData) => Promise<void> }) {
  const field = `pwbox-${postId}`;
  return (
    <form action={action} className="mt-6 border border-line bg-panel p-4">
      <p>This content is password protected. To view it please enter your password below:</p>
      {notice === "wrong" ? <p role="status" className="mt-2 font-bold">That password is not correct. Please try again.</p> : null}
      {notice === "wait" ? <p role="status" className="mt-2 font-bold">Too many password attempts. Please try again later.</p> : null}
      <input type="hidden" name="postId" value={postId} />
      <p className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor={field}>Password:</label>
        <input id={field} name="post_password" type="password" required className="border border-line bg-paper px-2 py-1 text-ink" />
        <button type="submit" className="border border-line bg-paper px-3 py-1 text-ink">Enter</button>
      </p>
    </form>
  );
}
