// Notices that reach Profile through its URL, after an action that had to redirect.
export const PASSWORD_SET = "password-set";

export const SESSIONS_ENDED = "sessions-ended";

export const PROFILE_NOTICES: Record<string, string> = {
  [PASSWORD_SET]: "Profile updated. Your new password is set. Other browsers signed in as you have been signed out.",
  [SESSIONS_ENDED]: "You are now logged out everywhere else. This browser stays signed in.",
};
