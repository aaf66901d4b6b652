import { SearchForm } from "@/components/site/search-form";

export default function SiteNotFound() {
  return (
    <section aria-labelledby="nf-title">
      <h1 id="nf-title" className="font-heading text-2xl font-bold">Oops! That page can’t be found.</h1>
      <p className="my-4">It looks like nothing was found at this location. Maybe try a search?</p>
      <SearchForm id="nf-search" />
    </section>
  );
}
