import type { Metadata } from "next";
import { requireCapability } from "@/lib/session";
import { listExportAuthors, listExportMonths } from "@/db/queries/wxr-export";
import { monthName } from "@/lib/dates";

export const metadata: Metadata = { title: "Export" };

function MonthSelect({ id, label, months }: { id: string; label: string; months: string[] }) {
  return (
    <label htmlFor={id} className="mr-4 text-sm">
      {label}{" "}
      <select id={id} name={id} className="rounded border border-gray-400 px-1">
        <option value="">— Select —</option>
        {months.map((m) => <option key={m} value={m}>{monthName(Number(m.slice(5)))} {m.slice(0, 4)}</option>)}
      </select>
    </label>
  );
}

export default async function ExportPage() {
  await requireCapability("export");
  const authors = await listExportAuthors();
  const months = await listExportMonths();
  return (
    <>
      <h1 className="text-2xl font-semibold">Export</h1>
      <p className="mt-4 max-w-2xl text-sm">
        When you click the button below, Inkwell creates a WordPress eXtended RSS (WXR 1.2) file for you to save. WordPress imports it with
        Tools → Import → WordPress; Inkwell with Tools → Import.
      </p>
      <form method="get" action="/admin/tools/export/download/" className="mt-4 max-w-2xl space-y-4 rounded border border-gray-300 bg-white p-4">
        <fieldset>
          <legend className="font-semibold">Choose what to export</legend>
          {[["all", "All content"], ["post", "Posts"], ["page", "Pages"]].map(([value, label]) => (
            <label key={value} className="block text-sm">
              <input type="radio" name="content" value={value} defaultChecked={value === "all"} /> {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend className="font-semibold">Filters (posts and pages)</legend>
          <label htmlFor="author" className="mr-4 text-sm">
            Author{" "}
            <select id="author" name="author" className="rounded border border-gray-400 px-1">
              <option value="">All</option>
              {authors.map((a) => <option key={a.id} value={a.id}>{a.displayName} ({a.login})</option>)}
            </select>
          </label>
          <MonthSelect id="start_date" label="Start date" months={[...months].reverse()} />
          <MonthSelect id="end_date" label="End date" months={months} />
        </fieldset>
        <button type="submit" className="rounded bg-[#2271b1] px-4 py-2 font-semibold text-white">Download Export File</button>
      </form>
    </>
  );
}
