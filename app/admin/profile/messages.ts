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

export const PROFILE_NOTICES: Record<string, string> = {
  [PASSWORD_SET]: "Profile updated. Your new password is set. Other browsers signed in as you have been signed out.",
  [SESSIONS_ENDED]: "You are now logged out everywhere else. This browser stays signed in.",
};
