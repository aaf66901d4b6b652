// What writing apps read from the site's pages to find where to publish (React hoists the links
// into <head>): the REST API's root, as WordPress's rest_output_link_wp_head(), RSD's EditURI for
// XML-RPC editors, as WordPress's rsd_link(), and Micropub's and
// IndieAuth's endpoints for IndieWeb apps, which take the home page as the author's identity.
import { siteUrl } from "@/lib/site-url";
import type { Options } from "@/lib/options/defaults";

export async function PublishingDiscovery({ opts }: { opts: Pick<Options, "enable_xmlrpc" | "enable_micropub"> }) {
  const site = await siteUrl();
  return (
    <>
      <link rel="https://api.w.org/" href={`${site}/wp-json/`} />
      <link rel="EditURI" type="application/rsd+xml" title="RSD" href={`${site}/xmlrpc.php?rsd`} />
      {opts.enable_micropub ? (
        <>
          <link rel="micropub" href={`${site}/micropub/`} />
          <link rel="authorization_endpoint" href={`${site}/indieauth/authorize/`} />
          <link rel="token_endpoint" href={`${site}/indieauth/token/`} />
          <link rel="indieauth-metadata" href={`${site}/indieauth/metadata/`} />
        </>
      ) : null}
    </>
  );
}
