/** The Customize screen's unsaved draft (JSON of IdentitySchema's fields), read by lib/identity/site-identity.ts. */
export const CUSTOMIZE_PREVIEW_COOKIE = "inkwell_customize_preview";
