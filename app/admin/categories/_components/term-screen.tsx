// The Categories and Tags screens: add on the left, the list with post counts on the right.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOptions } from "@/db/queries/options";
import { getTermById, listTermsForAdmin } from "@/db/queries/term-admin";
import { flattenTree } from "@/lib/posts/tree";
import { termUrl } from "@/lib/content/post-view";
import { deleteTermAction } from "../actions";
import { Cell, ListTable, PrimaryCell } from "@/components/admin/list-table";
import { TermForm } from "./term-form";

type Taxonomy = "category" | "post_tag";
const LABELS = { category: { plural: "Categories", one: "Category", base: "/admin/categories/" }, post_tag: { plural: "Tags", one: "Tag", base: "/admin/tags/" } };

export async function TermListScreen({ taxonomy, params }: { taxonomy: Taxonomy; params: Record<string, string | undefined> }) {
  const l = LABELS[taxonomy];
  const opts = await getOptions();
  const all = await listTermsForAdmin(taxonomy, params.s);
  const rows = taxonomy === "category" && !params.s ? flattenTree(all) : all.map((t) => ({ ...t, depth: 0 }));
  const parents = taxonomy === "category" ? flattenTree(await listTermsForAdmin("category")) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold">{l.plural}</h1>
      {params.done ? (
        <p role="status" className="mt-3 border-l-4 border-green-600 bg-white p-2">
          {params.done === "deleted" ? `${l.one} deleted.${Number(params.moved) > 0 ? ` ${params.moved} ${Number(params.moved) === 1 ? "post" : "posts"} moved to the default category.` : ""}` : `${l.one} ${params.done === "added" ? "added" : "updated"}: ${params.name ?? ""}`}
        </p>
      ) : null}
      {params.error ? <p role="alert" className="mt-3 border-l-4 border-red-700 bg-white p-2">{params.error === "invalid" ? "That request was not valid." : params.error}</p> : null}
      <div className="mt-4 grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <section aria-labelledby="add-term-h" className="rounded border border-gray-300 bg-white p-3">
          <h2 id="add-term-h" className="mb-2 font-semibold">Add New {l.one}</h2>
          <TermForm taxonomy={taxonomy} parents={parents} submitLabel={`Add New ${l.one}`} />
        </section>
        <section aria-label={`${l.plural} list`}>
          <form method="get" action={l.base} role="search" className="mb-2 flex gap-1 text-sm">
            <label htmlFor="term-search" className="sr-only">Search {l.plural}</label>
            <input id="term-search" type="search" name="s" defaultValue={params.s ?? ""} className="rounded border border-gray-400 px-2 py-0.5" />
            <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-0.5">Search {l.plural}</button>
          </form>
          <ListTable label={l.plural} columns={[
            { key: "name", label: "Name", primary: true }, { key: "description", label: "Description" }, { key: "slug", label: "Slug" }, { key: "posts", label: "Count" },
          ]}>
              {rows.length === 0 ? <tr><td colSpan={4}>No {l.plural.toLowerCase()} found.</td></tr> : null}
              {rows.map((t) => {
                const isDefault = taxonomy === "category" && t.id === opts.default_category;
                return (
                  <tr key={t.id}>
                    <PrimaryCell rowLabel={t.name}>
                      <strong>{"\u2014 ".repeat(t.depth)}<Link href={`${l.base}${t.id}/`} className="text-[#2271b1]">{t.name}</Link></strong>
                      <div className="mt-1 flex gap-2 text-xs">
                        <Link href={`${l.base}${t.id}/`} className="text-[#2271b1]" aria-label={`Edit “${t.name}”`}>Edit</Link>
                        {isDefault ? <span className="text-gray-600">Default category</span> : (
                          <form action={deleteTermAction}>
                            <input type="hidden" name="id" value={t.id} />
                            <input type="hidden" name="taxonomy" value={taxonomy} />
                            <button type="submit" className="text-red-700 underline" aria-label={`Delete “${t.name}”`}>Delete</button>
                          </form>
                        )}
                        <a href={termUrl(t, opts)} className="text-[#2271b1]" aria-label={`View “${t.name}”`}>View</a>
                      </div>
                    </PrimaryCell>
                    <Cell name="Description">{t.description}</Cell>
                    <Cell name="Slug">{decodeURIComponent(t.slug)}</Cell>
                    <Cell name="Count">{taxonomy === "category" ? <Link className="text-[#2271b1]" href={`/admin/posts/?cat=${t.id}`}>{t.count}</Link> : t.count}</Cell>
                  </tr>
                );
              })}
          </ListTable>
        </section>
      </div>
    </>
  );
}

export async function TermEditScreen({ taxonomy, id }: { taxonomy: Taxonomy; id: number }) {
  const l = LABELS[taxonomy];
  const term = await getTermById(taxonomy, id);
  if (!term) notFound();
  const parents = taxonomy === "category" ? flattenTree(await listTermsForAdmin("category")).filter((p) => p.id !== id) : [];
  return (
    <>
      <h1 className="text-2xl font-semibold">Edit {l.one}</h1>
      <p className="mt-1 text-sm"><Link href={l.base} className="underline">← Back to {l.plural}</Link></p>
      <div className="mt-4 max-w-xl rounded border border-gray-300 bg-white p-3">
        <TermForm taxonomy={taxonomy} term={term} parents={parents} submitLabel="Update" />
      </div>
    </>
  );
}
