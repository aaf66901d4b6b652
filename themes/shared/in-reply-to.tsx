// "In reply to <link>" above a post written in reply to a fediverse post (the editor's field;
// WordPress's ActivityPub plugin's reply block shows the same line). The link is the other site's.
export function InReplyTo({ url, className = "" }: { url: string; className?: string }) {
  let label = url;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    label = `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {
    return null;
  }
  return (
    <p className={`in-reply-to ${className}`}>
      In reply to <a href={url} rel="nofollow ugc" className="u-in-reply-to break-all underline">{label}</a>
    </p>
  );
}
