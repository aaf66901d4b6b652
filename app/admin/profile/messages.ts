// Notices that reach Profile through its URL, after an action that had to redirect.
export const PASSWORD_SET = "password-set";

export const SESSIONS_ENDED = "sessions-ended";

export const APP_PASSWORD_REVOKED = "app-password-revoked";
export const APP_PASSWORDS_REVOKED = "app-passwords-revoked";

/** WordPress's words after a revocation (auth-app.js), shown in the Application Passwords section. */
export const APP_PASSWORD_NOTICES: Record<string, string> = {
  [APP_PASSWORD_REVOKED]: "Application password revoked.",
  [APP_PASSWORDS_REVOKED]: "All application passwords revoked.",
};

export const FEDIVERSE_ON = "fediverse-on";
export const FEDIVERSE_OFF = "fediverse-off";
export const FEDIVERSE_FORBIDDEN = "fediverse-forbidden";

/** Profile → Fediverse, after its form (lib/federation/author-profile.ts). */
export const FEDIVERSE_NOTICES: Record<string, { text: string; ok: boolean }> = {
  [FEDIVERSE_ON]: { text: "Your fediverse profile is on: people can follow you by your handle.", ok: true },
  [FEDIVERSE_OFF]: { text: "Your fediverse profile is off. Your followers' servers have been told it was deleted.", ok: true },
  [FEDIVERSE_FORBIDDEN]: { text: "Only users who can publish posts can have a fediverse profile.", ok: false },
};

export const PROFILE_NOTICES: Record<string, string> = {
  [PASSWORD_SET]: "Profile updated. Your new password is set. Other browsers signed in as you have been signed out.",
  [SESSIONS_ENDED]: "You are now logged out everywhere else. This browser stays signed in.",
};
