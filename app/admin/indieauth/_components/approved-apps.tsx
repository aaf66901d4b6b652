import { listTokens } from "@/lib/indieauth/tokens";
import { revokeAppAction } from "../actions";

const hostOf = (u: string) => {
  try {
    return new URL(u).host;
  } catch {
    return u;
  }
};

/** The IndieAuth apps a person approved, each with what it may do and a Revoke button. */
export async function ApprovedApps({ userId, revoked }: { userId: number; revoked: boolean }) {
  const apps = await listTokens(userId);
  return (
    <>
      <h1 className="text-2xl font-semibold">Apps you approved</h1>
      {revoked ? <p role="status" className="mt-4 max-w-2xl border-l-4 border-green-700 bg-white p-3 text-sm text-green-900">Access revoked. The app can no longer publish as you.</p> : null}
      <p className="mt-2 max-w-2xl text-sm">IndieWeb apps (Quill, Indigenous…) that you let publish with Micropub. Revoking one stops it at once; it can ask you again.</p>
      {apps.length ? (
        <ul className="mt-4 max-w-2xl divide-y divide-gray-200 rounded border border-gray-300 bg-white text-sm">
          {apps.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span className="min-w-0">
                <strong className="break-all">{hostOf(a.clientId)}</strong> · {a.scope.join(", ") || "profile"} · approved {a.createdGmt} UTC
              </span>
              <form action={revokeAppAction}>
                <input type="hidden" name="id" value={a.id} />
                <button type="submit" className="rounded border border-red-700 px-3 py-1 text-red-800" aria-label={`Revoke ${hostOf(a.clientId)}`}>Revoke</button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-4 text-sm">No app has been approved.</p>
      )}
    </>
  );
}
