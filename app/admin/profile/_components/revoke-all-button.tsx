"use client";

/** WordPress asks before revoking every password; without JavaScript the form just submits. */
export function RevokeAllButton() {
  return (
    <button type="submit" className="rounded border border-[#b32d2e] px-3 py-1 text-sm text-[#b32d2e]"
      onClick={(e) => { if (!confirm("Are you sure you want to revoke all passwords? This action cannot be undone.")) e.preventDefault(); }}>
      Revoke all application passwords
    </button>
  );
}
