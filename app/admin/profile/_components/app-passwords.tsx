// Profile → Application Passwords, as WordPress 5.6+ lays it out: what they are, the form that
// adds one, and the list with when and from where each was last used, each revocable.
import type { ApplicationPasswordView } from "@/db/queries/application-passwords";
import { revokeAllAppPasswordsAction, revokeAppPasswordAction } from "../app-password-actions";
import { NewAppPasswordForm } from "./new-app-password-form";
import { RevokeAllButton } from "./revoke-all-button";

export function AppPasswords({ items, available }: {
  /** Dates already in the site's zone and date format; lastUsed "" when never used. */
  items: (Pick<ApplicationPasswordView, "uuid" | "name" | "lastIp"> & { created: string; lastUsed: string })[];
  available: boolean;
}) {
  return (
    <section aria-labelledby="app-passwords-heading" className="mt-4 max-w-3xl space-y-3 rounded border border-gray-300 bg-white p-4">
      <h2 id="app-passwords-heading" className="font-semibold">Application Passwords</h2>
      <p className="text-sm">
        Application passwords allow authentication via non-interactive systems, such as XML-RPC or the REST API, without
        providing your actual password. Application passwords can be easily revoked. They cannot be used for traditional
        logins to your website.
      </p>
      {!available && (
        <p className="border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
          This site is not served over HTTPS: apps on other machines cannot use application passwords until it is (or
          until the server is started with APP_PASSWORDS_ALLOW_HTTP=1).
        </p>
      )}
      <NewAppPasswordForm />
      {items.length > 0 && (
        <>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
              <caption className="sr-only">Your application passwords</caption>
              <thead>
                <tr className="border-b border-gray-300">
                  <th scope="col" className="py-2 pr-3">Name</th>
                  <th scope="col" className="py-2 pr-3">Created</th>
                  <th scope="col" className="py-2 pr-3">Last Used</th>
                  <th scope="col" className="py-2 pr-3">Last IP</th>
                  <th scope="col" className="py-2"><span className="sr-only">Revoke</span></th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.uuid} className="border-b border-gray-200">
                    <th scope="row" className="py-2 pr-3 font-normal">{p.name}</th>
                    <td className="py-2 pr-3">{p.created}</td>
                    <td className="py-2 pr-3">{p.lastUsed || "—"}</td>
                    <td className="py-2 pr-3">{p.lastIp ?? "—"}</td>
                    <td className="py-2">
                      <form action={revokeAppPasswordAction}>
                        <input type="hidden" name="uuid" value={p.uuid} />
                        <button type="submit" aria-label={`Revoke "${p.name}"`} className="rounded border border-[#b32d2e] px-3 py-1 text-[#b32d2e]">Revoke</button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={revokeAllAppPasswordsAction}>
            <RevokeAllButton />
          </form>
        </>
      )}
    </section>
  );
}
