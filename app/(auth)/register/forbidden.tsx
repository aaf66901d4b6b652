import Link from "next/link";

/** /register/ while Settings → General "Anyone can register" is off (403). */
export default function RegistrationClosed() {
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-6 text-center text-2xl font-bold">Registration</h1>
      <p className="border-l-4 border-red-700 bg-red-50 p-3 text-sm text-red-900" role="alert">User registration is currently not allowed.</p>
      <p className="mt-4 text-center text-sm"><Link href="/login/" className="underline">Log in</Link></p>
    </main>
  );
}
