// One account per role for the browser tests; the password is the same for all.
export const E2E_PASSWORD = "e2e-password-123";
export const E2E_USERS = {
  admin: { login: "admin", email: "admin@example.com", password: "admin-password-e2e" },
  editor: { login: "editor", email: "editor@example.com", password: E2E_PASSWORD },
  author: { login: "author", email: "author@example.com", password: E2E_PASSWORD },
  contributor: { login: "contributor", email: "contributor@example.com", password: E2E_PASSWORD },
  subscriber: { login: "subscriber", email: "subscriber@example.com", password: E2E_PASSWORD },
} as const;
