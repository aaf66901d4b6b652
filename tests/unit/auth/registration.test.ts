// Registration through the real action (Next's navigation and headers mocked).
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
const client = { ip: "203.0.113.1" };
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-inkwell-client-ip": client.ip }) }));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(url);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));

const { registerAction } = await import("@/app/(auth)/register/actions");
const { updateOptions } = await import("@/db/queries/options");
const { getUserCredentialsByLoginOrEmail } = await import("@/db/queries/users");
const { verifyPassword } = await import("@/lib/auth/password");
const { registrationRole, REGISTRATIONS_PER_IP_PER_HOUR } = await import("@/lib/validation/registration");

const idle = { status: "idle" as const };
let n = 0;
const fd = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};
async function register(o: Record<string, string>) {
  try {
    return await registerAction(idle, fd(o));
  } catch (e) {
    if (e instanceof Redirect) return { redirect: e.url };
    throw e;
  }
}
const fresh = () => {
  n++;
  return { login: `reader${n}`, email: `reader${n}@example.com`, password: "long enough pw" };
};

beforeEach(async () => {
  await updateOptions({ users_can_register: true, default_role: "subscriber" });
  client.ip = `203.0.113.${++n}`;
});

describe("registration", () => {
  it("creates the account with the default role and a hashed password, then sends the person to log in", async () => {
    await updateOptions({ default_role: "author" });
    const input = fresh();
    expect(await register(input)).toEqual({ redirect: "/login/?checkemail=registered" });
    const u = (await getUserCredentialsByLoginOrEmail(input.login))!;
    expect(u.role).toBe("author");
    expect(u.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(u.passwordHash, input.password)).toBe(true);
  });

  it("never gives editor or administrator, whatever default_role says", async () => {
    for (const role of ["administrator", "editor"] as const) {
      await updateOptions({ default_role: role });
      const input = fresh();
      expect(await register(input)).toMatchObject({ redirect: expect.any(String) });
      expect((await getUserCredentialsByLoginOrEmail(input.login))!.role).toBe("subscriber");
    }
    expect(registrationRole("contributor")).toBe("contributor");
    expect(registrationRole("nonsense")).toBe("subscriber");
  });

  it("refuses while registration is off, and creates nobody", async () => {
    await updateOptions({ users_can_register: false });
    const input = fresh();
    expect(await register(input)).toMatchObject({ status: "error", message: "User registration is currently not allowed." });
    expect(await getUserCredentialsByLoginOrEmail(input.login)).toBeUndefined();
  });

  it("puts duplicate username and email errors beside their fields (case-insensitively)", async () => {
    const first = fresh();
    await register(first);
    client.ip = "203.0.113.200";
    const again = await register({ login: first.login.toUpperCase(), email: first.email.toUpperCase(), password: "another password" });
    expect(again).toMatchObject({ status: "error", fieldErrors: { login: [expect.stringMatching(/already registered/)], email: [expect.stringMatching(/already registered/)] }, values: { login: first.login.toUpperCase() } });
  });

  it("validates: short password, bad email, bad username", async () => {
    const r = await register({ login: "bad<name>", email: "nope", password: "short" });
    expect(r).toMatchObject({ status: "error" });
    const errs = (r as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errs).sort()).toEqual(["email", "login", "password"]);
    expect(errs.password![0]).toMatch(/at least 8/);
  });

  it("limits registrations per IP", async () => {
    client.ip = "198.51.100.77";
    for (let i = 0; i < REGISTRATIONS_PER_IP_PER_HOUR; i++) expect(await register(fresh())).toMatchObject({ redirect: expect.any(String) });
    const input = fresh();
    expect(await register(input)).toMatchObject({ status: "error", message: expect.stringMatching(/Too many registrations/) });
    expect(await getUserCredentialsByLoginOrEmail(input.login)).toBeUndefined();
  });
});
