// Auth.js wiring: credentials (username or email + password), JWT sessions. The config is lazy
// so that importing this module during the build never opens SQLite.
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { SignInSchema } from "@/lib/validation/auth";
import { verifySignIn } from "@/lib/auth/sign-in";
import { clientIpFrom } from "@/lib/request-ip";
import { stampMatches } from "@/lib/auth/password-stamp";
import { getSessionStampSource } from "@/db/queries/user-admin";
import { safeRedirectPath } from "@/lib/security/redirect-target";
import { SESSION_MAX_AGE, endSession, newSessionId, sessionIsOpen } from "@/lib/auth/session-revocation";

class LockedOut extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/login/" },
  trustHost: true,
  // A failed sign-in is expected traffic, logged by lib/auth/sign-in as one JSON line.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(JSON.stringify({ time: new Date().toISOString(), event: "auth_error", name: error.name, message: error.message }));
    },
  },
  providers: [
    Credentials({
      credentials: { login: {}, password: {} },
      async authorize(raw, request) {
        const parsed = SignInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const ip = clientIpFrom(request.headers);
        const result = await verifySignIn(parsed.data.login, parsed.data.password, ip);
        if (result.status === "locked") throw new LockedOut();
        if (result.status !== "ok") throw new CredentialsSignin();
        return { id: String(result.user.id), name: result.user.displayName, email: result.user.email, passwordStamp: result.user.passwordStamp };
      },
    }),
  ],
  events: {
    // Log Out (the admin bar, the comment form, /api/auth/signout): the token is decoded by now.
    async signOut(message) {
      if ("token" in message) await endSession(message.token?.sid);
    },
  },
  callbacks: {
    // A token is good only while its session has not been logged out (lib/auth/session-revocation.ts)
    // and its user's password is the one it was signed in with (lib/auth/password-stamp.ts): null
    // ends the session and clears its cookie.
    async jwt({ token, user }) {
      if (user) return { ...token, pws: (user as { passwordStamp?: string }).passwordStamp, sid: newSessionId() };
      const id = Number(token.sub);
      if (!Number.isInteger(id) || id <= 0 || !await sessionIsOpen(token.sid)) return null;
      const now = await getSessionStampSource(id);
      return stampMatches(token.pws, now?.passwordHash, now?.sessionEpoch) ? token : null;
    },
    // Auth.js's callbackUrl (query, form field or cookie) passes the same gate as redirect_to.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, "/", baseUrl), baseUrl).href;
    },
    session({ session, token }) {
      if (token.sub && session.user) session.user.id = token.sub;
      return session;
    },
  },
}));

/**
 * Signs this browser in again, in a server action, after its user set a new password (which ended
 * every session signed in with the old one); false when the sign-in was refused (locked out).
 */
export async function signInAgain(login: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { login, password, redirect: false });
    return true;
  } catch (e) {
    if (e instanceof AuthError) return false;
    throw e;
  }
}
