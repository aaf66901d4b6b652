// The reset form's strength meter (WordPress shows zxcvbn's verdict): a small estimate of how
// many guesses a password needs, from its length, the kinds of characters in it, and whether it
// is built of the site's own words, repeats or runs. Advice only: the server asks for 8 characters.
export type Strength = 0 | 1 | 2 | 3 | 4;
export const STRENGTH_LABELS = ["Very weak", "Weak", "Medium", "Strong", "Very strong"] as const;

const COMMON = /^(?:password|passw0rd|qwerty|letmein|welcome|admin|iloveyou|monkey|dragon|abc123|123456\d*|111111|000000)/i;

export function passwordStrength(password: string, userInputs: string[] = []): Strength {
  if (!password) return 0;
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/\d/.test(password)) pool += 10;
  if (/[^a-zA-Z\d]/.test(password)) pool += 33;
  // Repeated characters and the user's own login or name add almost nothing.
  let effective = password.replace(/(.)\1+/g, "$1");
  for (const word of userInputs) if (word.length >= 3) effective = effective.split(new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "ig")).join("x");
  if (COMMON.test(password)) effective = effective.slice(0, 2);
  const bits = effective.length * Math.log2(Math.max(pool, 2));
  if (bits < 28) return 0;
  if (bits < 40) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}
