import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getOptions } from "@/db/queries/options";
import { siteUrl } from "@/lib/site-url";
import { SettingsForm } from "../_components/settings-form";
import type { Row } from "../_components/fields";
import { saveWritingSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Writing Settings" };

export default async function Page() {
  await requireCapability("manage_options");
  const opts = await getOptions();
  const site = await siteUrl();
  // WordPress 3.4's "Remote Publishing" section, where XML-RPC could be turned off.
  const rows: Row[] = [
    {
      title: "Remote Publishing",
      controls: [
        { kind: "checkbox", name: "enable_xmlrpc", label: "XML-RPC: let desktop and mobile editors (MarsEdit, the WordPress app, scripts) publish with the WordPress, MetaWeblog and Blogger protocols" },
        { kind: "checkbox", name: "enable_micropub", label: "Micropub: let IndieWeb apps (Quill, Indigenous) publish after you approve them with IndieAuth" },
      ],
      help: `Apps find these from your site’s address (${site}/). They sign in with your username and password or an application password from your Profile (XML-RPC), or ask you to approve them here (Micropub). Pingbacks keep working when XML-RPC publishing is off.`,
    },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">Writing Settings</h1>
      <SettingsForm action={saveWritingSettingsAction} rows={rows} values={{ enable_xmlrpc: opts.enable_xmlrpc ? "1" : "", enable_micropub: opts.enable_micropub ? "1" : "" }} />
    </>
  );
}
