// Mounts the admin bar for signed-in visitors only. It sits in its own Suspense boundary and reads
// the session cookie, so a cached anonymous page (filled by a request without cookies) never carries it.
import { getCurrentUser } from "@/lib/session";
import { signOutAction } from "@/app/(auth)/login/actions";
import { AdminBar } from "@/components/site/admin-bar";

export async function AdminBarSlot() {
  const user = await getCurrentUser();
  return user ? <AdminBar signOut={signOutAction} /> : null;
}
