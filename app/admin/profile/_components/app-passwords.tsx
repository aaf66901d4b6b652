// Profile → Application Passwords, as WordPress 5.6+ lays it out: what they are, the form that
// adds one, and the list with when and from where each was last used, each revocable.
import type { ReactNode } from "react";
import type { ApplicationPasswordView } from "@/db/queries/application-passwords";
import { revokeAllAppPasswordsAction, revokeAppPasswordAction } from "../app-password-actions";
import { NewAppPasswordForm } from "./new-app-password-form";
import { RevokeAllButton } from "./revoke-all-button";

export function AppPasswords({ items, available, notice }: {
  /** Dates already in the site's zone and date format; lastUsed "" when never used. */
  items: (Pick<ApplicationPasswordView, "uuid" | "name" | "lastIp"> & { created: string; lastUsed: string })[];
  available: boolean;
  /** What the last revocation did, in WordPress's words. */
  notice?: string;
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
      {notice && <p role="status" className="border-l-4 border-green-700 bg-green-50 p-3 text-sm">{notice}</p>}
      <NewAppPasswordForm names={items.map((p) => p.name)} />
      {items.length > 0 && (
        <>
          {/* On a phone each password is a block of labelled lines instead of a row too wide for the screen. */}
          <table className="w-full border-collapse text-left text-sm max-sm:block">
            <caption className="sr-only">Your application passwords</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b border-gray-300">
                <th scope="col" className="py-2 pr-3">Name</th>
                <th scope="col" className="py-2 pr-3">Created</th>
                <th scope="col" className="py-2 pr-3">Last Used</th>
                <th scope="col" className="py-2 pr-3">Last IP</th>
                <th scope="col" className="py-2"><span className="sr-only">Revoke</span></th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {items.map((p) => (
                <tr key={p.uuid} className="border-b border-gray-200 max-sm:block max-sm:py-2">
                  <th scope="row" className="py-2 pr-3 font-normal max-sm:block max-sm:py-0 max-sm:font-semibold">{p.name}</th>
                  <Cell label="Created">{p.created}</Cell>
                  <Cell label="Last Used">{p.lastUsed || "—"}</Cell>
                  <Cell label="Last IP">{p.lastIp ?? "—"}</Cell>
                  <td className="py-2 max-sm:block max-sm:pt-2">
                    <form action={revokeAppPasswordAction}>
                      <input type="hidden" name="uuid" value={p.uuid} />
                      <button type="submit" aria-label={`Revoke "${p.name}"`} className="rounded border border-[#b32d2e] px-3 py-1 text-[#b32d2e]">Revoke</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form action={revokeAllAppPasswordsAction}>
            <RevokeAllButton />
          </form>
        </>
      )}
    </section>
  );
}

/** A cell that names its column itself on a phone, where the header row is hidden. */
function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <td className="py-2 pr-3 max-sm:block max-sm:py-0">
      <span className="font-medium sm:hidden">{label}: </span>
      {children}
    </td>
  );
}
