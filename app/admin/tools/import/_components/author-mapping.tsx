import { assignAuthorsAction } from "../actions";
import type { FileAuthor } from "../_lib/jobs";

/** WordPress's "Assign Authors" step: each author of the file to an existing user, or a new one. */
export function AuthorMapping({ jobId, authors, users }: { jobId: string; authors: FileAuthor[]; users: { login: string; displayName: string }[] }) {
  const existing = new Set(users.map((u) => u.login.toLowerCase()));
  return (
    <form action={assignAuthorsAction} className="mt-4 max-w-2xl space-y-3 rounded border border-gray-300 bg-white p-4">
      <h2 className="font-semibold">Assign Authors</h2>
      <p className="text-sm">
        Each author being imported can become an existing user, or a new user with the Author role (who must reset the password before signing in).
      </p>
      <input type="hidden" name="job" value={jobId} />
      {authors.map((a, i) => (
        <div key={a.login}>
          <label htmlFor={`author-${i}`} className="block text-sm font-medium">
            {a.displayName} ({a.login}), {a.posts} {a.posts === 1 ? "post" : "posts"}
          </label>
          <select id={`author-${i}`} name={`author-${i}`} defaultValue="" className="mt-1 block w-full max-w-full rounded border border-gray-400 px-1 sm:w-auto">
            <option value="">{existing.has(a.login.toLowerCase()) ? `The existing user “${a.login}”` : `A new user “${a.login}”`}</option>
            {users.map((u) => (
              <option key={u.login} value={u.login}>{u.displayName} ({u.login})</option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className="rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Run the import</button>
    </form>
  );
}
