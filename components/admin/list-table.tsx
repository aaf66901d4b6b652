// The admin's list tables (Posts, Pages, Comments, Media, Users, Categories, Tags) share this
// frame, as WordPress's WP_List_Table: the same header and footer row, a select-all box in both
// when rows can be selected, and below 782 px only the check and primary columns, each row with
// its own "Show more details" toggle. The toggle is a checkbox read by CSS (list-table.css), so
// the details open without JavaScript too.
import type { ReactNode } from "react";
import { SelectAll } from "./list-table-select";

export type Column = { key: string; label: ReactNode; primary?: boolean; className?: string };

function HeaderRow({ columns, selectable, position }: { columns: Column[]; selectable: boolean; position: "head" | "foot" }) {
  return (
    <tr>
      {selectable ? (
        <td className="check-column">
          <SelectAll label="Select All" ranges={position === "head"} />
        </td>
      ) : null}
      {columns.map((c) => (
        <th key={c.key} scope="col" className={`column-${c.key}${c.primary ? " column-primary" : ""}${c.className ? ` ${c.className}` : ""}`}>{c.label}</th>
      ))}
    </tr>
  );
}

export function ListTable({ columns, selectable = false, label, className = "", children }: { columns: Column[]; selectable?: boolean; label: string; className?: string; children: ReactNode }) {
  return (
    <table aria-label={label} className={`list-table w-full border border-[#c3c4c7] bg-white text-left text-sm ${selectable ? "selectable" : ""} ${className}`}>
      <thead><HeaderRow columns={columns} selectable={selectable} position="head" /></thead>
      <tbody>{children}</tbody>
      <tfoot><HeaderRow columns={columns} selectable={selectable} position="foot" /></tfoot>
    </table>
  );
}

/** The row's selection box; `form` ties it to the screen's bulk-actions form. */
export function CheckCell({ name = "ids", value, form, label, disabled }: { name?: string; value: number | string; form: string; label: string; disabled?: boolean }) {
  return (
    <td className="check-column">
      {disabled ? null : <input type="checkbox" name={name} value={value} form={form} aria-label={label} className="size-4 align-middle" />}
    </td>
  );
}

/** The primary column's cell: its content, then the narrow-screen toggle for the row's other columns. */
export function PrimaryCell({ children, rowLabel, className = "" }: { children: ReactNode; rowLabel: string; className?: string }) {
  return (
    <td className={`column-primary ${className}`}>
      {children}
      <label className="toggle-row">
        <input type="checkbox" aria-label={`Show more details: ${rowLabel}`} />
        <span aria-hidden="true" className="toggle-indicator" />
      </label>
    </td>
  );
}

/** Any other column's cell; `name` is shown before its content when the row is collapsed. */
export function Cell({ name, children, className = "" }: { name: string; children: ReactNode; className?: string }) {
  return <td data-colname={name} className={className}>{children}</td>;
}
