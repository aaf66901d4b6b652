import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <h1 className="text-2xl font-bold">Sorry, you are not allowed to access this page.</h1>
      <p className="mt-4"><Link href="/admin/" className="underline">Back to the Dashboard</Link></p>
    </main>
  );
}
