// The two cookies of the comment form.
// - The commenter's details, only with consent (WordPress's comment_author_* cookies): a year,
//   readable by the form's script so that a cached page can still greet a returning commenter.
// - The held-comment token: HttpOnly; lets the author (and only them) see what awaits moderation.
export const COMMENTER_COOKIE = "inkwell_commenter";
export const AUTHOR_TOKEN_COOKIE = "inkwell_comment_token";
export const COMMENTER_MAX_AGE = 365 * 24 * 60 * 60;
export const AUTHOR_TOKEN_MAX_AGE = 30 * 24 * 60 * 60;

export interface RememberedCommenter {
  author: string;
  email: string;
  url: string;
}

export function encodeCommenter(c: RememberedCommenter): string {
  return encodeURIComponent(JSON.stringify({ author: c.author, email: c.email, url: c.url }));
}

export function decodeCommenter(value: string | undefined | null): RememberedCommenter | null {
  if (!value) return null;
  try {
    const v = JSON.parse(decodeURIComponent(value)) as Partial<RememberedCommenter>;
    return { author: String(v.author ?? ""), email: String(v.email ?? ""), url: String(v.url ?? "") };
  } catch {
    return null;
  }
}

export function isAuthorToken(v: string | undefined): v is string {
  return !!v && /^[A-Za-z0-9_-]{20,64}$/.test(v);
}
