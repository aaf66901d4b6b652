/** Tools → Import → "From a WordPress site": a plain form, so it works without JavaScript. */
export function SiteImportForm({ error, address }: { error?: string; address?: string }) {
  const input = "mt-1 block w-full max-w-md rounded border border-gray-400 px-2 py-1";
  return (
    <section aria-labelledby="from-site" className="mt-8 max-w-2xl">
      <h2 id="from-site" className="text-xl font-semibold">From a WordPress site</h2>
      <p className="mt-2 text-sm">
        Import a WordPress site that is still online by its address, without an export file: Inkwell reads its REST API. Without a username,
        only what visitors can see arrives, as the site displays it. With a username and an{" "}
        <a className="text-[#2271b1] underline" href="https://wordpress.org/documentation/article/application-passwords/">application password</a>{" "}
        (WordPress: Users → Profile → Application Passwords) drafts, scheduled and private posts, held comments and authors&apos; emails come too,
        and posts keep their blocks and shortcodes as written.
      </p>
      {error ? <p id="site-import-error" role="status" className="mt-4 border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900">{error}</p> : null}
      <form method="post" action="/admin/tools/import/site/" className="mt-4 space-y-4 rounded border border-gray-300 bg-white p-4">
        <div>
          <label htmlFor="site-address" className="block text-sm font-medium">Site address</label>
          <input id="site-address" name="address" type="url" inputMode="url" required defaultValue={address} placeholder="https://old.example" autoComplete="url"
            aria-describedby={error ? "site-import-error" : undefined} className={input} />
        </div>
        <div>
          <label htmlFor="site-user" className="block text-sm font-medium">Username (optional)</label>
          <input id="site-user" name="user" type="text" autoComplete="off" className={input} />
        </div>
        <div>
          <label htmlFor="site-app-password" className="block text-sm font-medium">Application password (optional)</label>
          <input id="site-app-password" name="app_password" type="password" autoComplete="off" className={input} />
        </div>
        <div className="flex items-start gap-2">
          <input id="site-download-media" name="download_media" type="checkbox" value="1" defaultChecked className="mt-1" />
          <label htmlFor="site-download-media" className="text-sm font-medium">Download and import file attachments</label>
        </div>
        <div className="flex items-start gap-2">
          <input id="site-copy-settings" name="copy_settings" type="checkbox" value="1" defaultChecked className="mt-1" aria-describedby="site-copy-settings-help" />
          <div>
            <label htmlFor="site-copy-settings" className="text-sm font-medium">Copy the site&apos;s settings</label>
            <p id="site-copy-settings-help" className="text-sm text-gray-600">Site title, tagline and permalink structure; with a username also posts per page and the comment defaults.</p>
          </div>
        </div>
        <button type="submit" className="rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Import from site</button>
      </form>
    </section>
  );
}
