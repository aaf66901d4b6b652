// Really Simple Discovery (/xmlrpc.php?rsd), as WordPress serves it: desktop editors read it from
// the home page's EditURI link to learn which APIs the blog speaks and where. Listed even when
// Settings → Writing turns publishing off, as WordPress does: the app then gets the clear
// "XML-RPC services are disabled" fault instead of failing to find the blog.
import { escapeHtml } from "@/lib/content/escape";

export function rsdXml(site: string): string {
  const api = `${escapeHtml(site)}/xmlrpc.php`;
  const apis = `      <api name="WordPress" blogID="1" preferred="true" apiLink="${api}" />
      <api name="MetaWeblog" blogID="1" preferred="false" apiLink="${api}" />
      <api name="Blogger" blogID="1" preferred="false" apiLink="${api}" />
`;
  return `<?xml version="1.0" encoding="UTF-8"?><rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">
  <service>
    <engineName>Inkwell</engineName>
    <engineLink>${escapeHtml(site)}/</engineLink>
    <homePageLink>${escapeHtml(site)}/</homePageLink>
    <apis>
${apis}      <api name="WP-API" blogID="1" preferred="false" apiLink="${escapeHtml(site)}/wp-json/" />
    </apis>
  </service>
</rsd>
`;
}
