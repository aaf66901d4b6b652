import { z } from "zod";

export const SignInSchema = z.object({
  login: z.string().trim().min(1, "Enter your username or email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(1024),
  redirectTo: z.string().optional(),
});
export type SignInInput = z.infer<typeof SignInSchema>;
