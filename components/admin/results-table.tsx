// The admin's small read-only tables of what came of something sent (a post's pings, its fediverse
// deliveries, the posts sent to followers): one row per result, no selection and no row actions,
// unlike the list tables (list-table.tsx). On a narrow screen the table scrolls in its own box,
// which a keyboard can focus, and the page stays put.
import type { ReactNode } from "react";

export type ResultColumn<Row> = {
  label: string;
  cell: (row: Row) => ReactNode;
  /** Classes of this column's cells (`break-all` for URLs, `whitespace-nowrap` for dates). */
  className?: string;
};

export function ResultsTable<Row>({ caption, columns, rows, rowKey }: { caption: string; columns: ResultColumn<Row>[]; rows: Row[]; rowKey: (row: Row) => string | number }) {
  return (
    <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b text-left">
            {columns.map((c) => (
              <th key={c.label} scope="col" className="p-2">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} className="border-b align-top">
              {columns.map((c) => (
                <td key={c.label} className={c.className ? `p-2 ${c.className}` : "p-2"}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
