/** A reason the site cannot start (bad DATABASE_URL, unreachable server…): one line that names the fix. */
export class StartupError extends Error {}
