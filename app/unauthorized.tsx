// Nothing calls unauthorized() (a visitor who must log in is sent to /login/). Without this file
// Next puts its own 401 page, 1.1 KB with inline styles, into every page's RSC payload, twice.
export default function Unauthorized() {
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <h1 className="text-2xl font-bold">Please log in to see this page.</h1>
      <p className="mt-4"><a href="/login/" className="underline">Log in</a></p>
    </main>
  );
}
