// The public registration form (/register/): a username, an email address and a password.
import type { Role } from "@/db/schema";
import { NewUserSchema } from "./user";

export const RegisterSchema = NewUserSchema.pick({ login: true, email: true, password: true });

/** Registrations allowed per client IP per hour. */
export const REGISTRATIONS_PER_IP_PER_HOUR = 5;

/**
 * The role a self-registered person gets. WordPress gives default_role whatever it is; Inkwell
 * never hands out editor or administrator to a stranger, even if the setting was changed to one
 * (by hand or by an import): such a registration gets subscriber.
 */
export function registrationRole(defaultRole: string): Role {
  return defaultRole === "author" || defaultRole === "contributor" || defaultRole === "subscriber" ? defaultRole : "subscriber";
}

export const REGISTRATION_CLOSED = "User registration is currently not allowed.";
