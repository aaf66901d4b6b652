// Plain links: next/link is a client component, and this tree is part of every page's payload.
export default function Forbidden() {
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <h1 className="text-2xl font-bold">Sorry, you are not allowed to access this page.</h1>
      <p className="mt-4"><a href="/admin/" className="underline">Back to the Dashboard</a></p>
    </main>
  );
}
