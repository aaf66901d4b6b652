// Flattening parent/child rows (categories, pages) into display order with a depth, as
// WordPress's walkers do. Rows whose parent is missing or forms a loop are shown at the top level.
/** The rows under each parent id, in their order; a row whose parent is not among them (or is itself) under null. */
export function childrenByParent<T extends { id: number; parentId: number | null }>(rows: readonly T[]): Map<number | null, T[]> {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, T[]>();
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) && r.parentId !== r.id ? r.parentId : null;
    const list = children.get(key);
    if (list) list.push(r);
    else children.set(key, [r]);
  }
  return children;
}

export function flattenTree<T extends { id: number; parentId: number | null }>(rows: T[]): (T & { depth: number })[] {
  const children = childrenByParent(rows);
  const out: (T & { depth: number })[] = [];
  const seen = new Set<number>();
  const walk = (parent: number | null, depth: number) => {
    for (const r of children.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ ...r, depth });
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  // Anything left sits in a loop: show it rather than lose it.
  for (const r of rows) if (!seen.has(r.id)) { seen.add(r.id); out.push({ ...r, depth: 0 }); walk(r.id, 1); }
  return out;
}
