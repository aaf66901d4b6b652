// WordPress's search form (get_search_form): the Search widget, "Nothing Found" and the 404 page.
export function SearchForm({ id, defaultValue }: { id: string; defaultValue?: string }) {
  return (
    <form role="search" action="/" method="get" className="flex gap-2">
      <label htmlFor={id} className="sr-only">Search for:</label>
      <input id={id} name="s" type="search" defaultValue={defaultValue} className="min-w-0 flex-1 border border-line bg-paper px-2 py-1 text-ink" />
      <button type="submit" className="border border-line bg-panel px-2 py-1 text-ink">Search</button>
    </form>
  );
}
