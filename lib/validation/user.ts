// Users → Add New, change role, delete, and Profile: the inputs and their limits.
import { z } from "zod";
import { ROLES } from "@/db/schema";

export const USER_LIMITS = { login: 60, email: 100, displayName: 250, nicename: 50, url: 100, bio: 10_000, passwordMin: 8, passwordMax: 1024 } as const;

const id = z.coerce.number({ error: "Choose a user." }).int().positive("Choose a user.");

const email = z.string().trim().max(USER_LIMITS.email, "The email address is too long.").pipe(z.email("Enter a valid email address."));

const newPassword = z
  .string()
  .min(USER_LIMITS.passwordMin, `Use at least ${USER_LIMITS.passwordMin} characters.`)
  .max(USER_LIMITS.passwordMax, "The password is too long.");

export const NewUserSchema = z.object({
  // WordPress's sanitize_user in strict mode: letters, digits, space, _ . - @
  login: z
    .string()
    .trim()
    .min(1, "Enter a username.")
    .max(USER_LIMITS.login, `Usernames can have at most ${USER_LIMITS.login} characters.`)
    .regex(/^[A-Za-z0-9 _.@-]+$/, "Usernames can only contain letters, numbers, spaces and _ . - @"),
  email,
  displayName: z.string().trim().max(USER_LIMITS.displayName, "The name is too long.").optional().default(""),
  password: newPassword,
  role: z.enum(ROLES, { error: "Choose a role." }),
  // Users → Add New's "Send the new user an email about their account" (a checkbox: present or not).
  sendUserNotification: z.boolean().optional().default(false),
});

export const ChangeRoleSchema = z.object({ userId: id, role: z.enum(ROLES, { error: "Choose a role." }) });

export const DeleteUserSchema = z.object({
  userId: id,
  reassignTo: z
    .union([z.literal(""), z.coerce.number().int().positive()])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

const profileFields = {
  displayName: z.string().trim().min(1, "Enter the name to display publicly.").max(USER_LIMITS.displayName, "The name is too long."),
  nicename: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter a nicename.")
    .max(USER_LIMITS.nicename, "The nicename is too long.")
    .regex(/^[\p{L}\p{N}_-]+$/u, "Use letters, digits, dashes and underscores only: it appears in author URLs."),
  email,
  url: z
    .string()
    .trim()
    .max(USER_LIMITS.url, "The address is too long.")
    .refine((v) => v === "" || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), "Enter an address starting with http:// or https://."),
  bio: z.string().max(USER_LIMITS.bio, "The biography is too long."),
};

export const ProfileSchema = z
  .object({
    ...profileFields,
    currentPassword: z.string().max(USER_LIMITS.passwordMax).optional().default(""),
    newPassword: z.union([z.literal(""), newPassword]).optional().default(""),
    confirmPassword: z.string().max(USER_LIMITS.passwordMax).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.newPassword) return;
    if (!v.currentPassword) ctx.addIssue({ code: "custom", path: ["currentPassword"], message: "Enter your current password to set a new one." });
    if (v.confirmPassword !== v.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
  });

/** Profile → Sessions: the password signs this browser in again after every session is ended. */
export const LogOutEverywhereElseSchema = z.object({
  sessionsPassword: z.string().min(1, "Enter your password: it keeps you signed in here.").max(USER_LIMITS.passwordMax, "The password is too long."),
});

/** Users → Edit User → Log Out Everywhere. */
export const LogOutUserSchema = z.object({ userId: id });

/** An administrator editing someone else (WordPress's user-edit.php): no current password asked. */
export const EditUserSchema = z
  .object({
    userId: id,
    ...profileFields,
    newPassword: z.union([z.literal(""), newPassword]).optional().default(""),
    confirmPassword: z.string().max(USER_LIMITS.passwordMax).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword && v.confirmPassword !== v.newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match." });
  });
