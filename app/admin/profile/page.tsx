import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { getUserProfile } from "@/db/queries/user-admin";
import { ROLE_LABELS } from "@/lib/auth/capabilities";
import { ProfileForm } from "./_components/profile-form";
import { SessionsForm } from "./_components/sessions-form";
import { APP_PASSWORD_NOTICES, FEDIVERSE_NOTICES, PROFILE_NOTICES } from "./messages";
import { FediverseForm } from "./_components/fediverse-form";
import { actorMode, authorAccount, authorsAreActors, mayHaveFediverseProfile } from "@/lib/federation/authors";
import { countFollowers, getFediverseUser } from "@/db/queries/federation";
import { AppPasswords } from "./_components/app-passwords";
import { listApplicationPasswords } from "@/db/queries/application-passwords";
import { getOptions } from "@/db/queries/options";
import { appPasswordsAllowedFor } from "@/lib/auth/app-passwords";
import { formatWpDate, parseSqlGmt, toSqlLocal } from "@/lib/dates";
import { clientIpFrom } from "@/lib/request-ip";
import { headers } from "next/headers";

export const metadata: Metadata = { title: "Profile" };

export default async function Page({ searchParams }: { searchParams: Promise<{ message?: string }> }) {
  const me = await requireCapability("read");
  const { message } = await searchParams;
  const notice = message ? PROFILE_NOTICES[message] : undefined;
  const u = (await getUserProfile(me.id))!;
  const opts = await getOptions();
  const when = (gmt: string) => formatWpDate(toSqlLocal(parseSqlGmt(gmt), opts.timezone_string), opts.date_format);
  const appPasswords = (await listApplicationPasswords(me.id)).map((p) => ({
    uuid: p.uuid, name: p.name, lastIp: p.lastIp, created: when(p.createdGmt), lastUsed: p.lastUsedGmt ? when(p.lastUsedGmt) : "",
  }));
  const h = await headers();
  const available = appPasswordsAllowedFor(h, clientIpFrom(h));
  // Fediverse: for those who may publish posts (or who still have it on), when the site has author profiles.
  const fedi = await getFediverseUser({ id: me.id });
  const showFediverse = !!fedi && (mayHaveFediverseProfile(fedi.role) || fedi.fediverse) && authorsAreActors(await actorMode());
  return (
    <>
      <h1 className="text-2xl font-semibold">Profile</h1>
      <p className="mt-2 text-sm">Username: <strong>{u.login}</strong> (usernames cannot be changed) · Role: {ROLE_LABELS[u.role]}</p>
      <ProfileForm notice={notice} initial={{ displayName: u.displayName, nicename: u.nicename, email: u.email, url: u.url, bio: u.bio }} />
      {showFediverse ? (
        <FediverseForm enabled={fedi.fediverse} handle={await authorAccount(fedi.nicename)} followers={fedi.fediverse ? await countFollowers("accepted", String(me.id)) : 0} notice={message ? FEDIVERSE_NOTICES[message] : undefined} />
      ) : null}
      <SessionsForm />
      <AppPasswords items={appPasswords} available={available} notice={message ? APP_PASSWORD_NOTICES[message] : undefined} />
      <p className="mt-4 text-sm"><a href="/admin/indieauth/" className="text-[#2271b1] underline">Apps you approved</a> (IndieAuth and Micropub)</p>
    </>
  );
}
