// Plain links: next/link is a client component, and this tree is part of every page's payload.
export default function NotFound() {
  return (
    <main className="mx-auto mt-16 max-w-lg px-4">
      <h1 className="text-2xl font-bold">Oops! That page can’t be found.</h1>
      <p className="mt-4">It looks like nothing was found at this location. Maybe try a search?</p>
      <form role="search" action="/" method="get" className="mt-4 flex gap-2">
        <label htmlFor="nf-search" className="sr-only">Search for:</label>
        <input id="nf-search" name="s" type="search" className="flex-1 border px-2 py-1" />
        <button type="submit" className="border px-3 py-1">Search</button>
      </form>
      <p className="mt-4"><a href="/" className="underline">Home</a></p>
    </main>
  );
}
