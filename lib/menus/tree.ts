// A menu is stored flat (parent + position, as WordPress's menu_order); these pure functions turn
// it into a tree and carry out the moves of WordPress's Menus screen ("Move up one", "Move down
// one", "Move under X", "Move out from under X", "Move to the top"), so that the keyboard-and-form
// path without JavaScript and the drag path share one set of rules.

export interface FlatItem {
  id: number;
  parentId: number | null;
}

export interface TreeNode<T extends FlatItem> {
  item: T;
  depth: number;
  children: TreeNode<T>[];
}

/** WordPress's Menus screen nests at most this deep (depth 0 is the top level). */
export const MAX_MENU_DEPTH = 10;

export const MENU_MOVES = ["up", "down", "under", "out", "top"] as const;
export type MenuMove = (typeof MENU_MOVES)[number];

/** Items in their stored order become a tree; an item whose parent is missing (or a cycle) is top-level. */
export function buildTree<T extends FlatItem>(items: T[]): TreeNode<T>[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const nodes = new Map(items.map((i) => [i.id, { item: i, depth: 0, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const i of items) {
    const node = nodes.get(i.id)!;
    const parent = i.parentId != null && byId.has(i.parentId) && !isAncestor(byId, i.id, i.parentId) ? nodes.get(i.parentId)! : null;
    (parent ? parent.children : roots).push(node);
  }
  const setDepth = (list: TreeNode<T>[], depth: number) => list.forEach((n) => ((n.depth = depth), setDepth(n.children, depth + 1)));
  setDepth(roots, 0);
  return roots;
}

function isAncestor<T extends FlatItem>(byId: Map<number, T>, id: number, of: number): boolean {
  let cursor: number | null | undefined = of;
  for (let guard = 0; cursor != null && guard <= byId.size; guard++) {
    if (cursor === id) return true;
    cursor = byId.get(cursor)?.parentId;
  }
  return false;
}

/** Depth-first order with each item's parent and 1-based position: what is stored back. */
export function flatten<T extends FlatItem>(tree: TreeNode<T>[]): { id: number; parentId: number | null; position: number; depth: number }[] {
  const out: { id: number; parentId: number | null; position: number; depth: number }[] = [];
  const walk = (list: TreeNode<T>[], parentId: number | null, depth: number) => {
    for (const n of list) {
      out.push({ id: n.item.id, parentId, position: out.length + 1, depth });
      walk(n.children, n.item.id, depth + 1);
    }
  };
  walk(tree, null, 0);
  return out;
}

function locate<T extends FlatItem>(tree: TreeNode<T>[], id: number, parent: TreeNode<T> | null = null): { siblings: TreeNode<T>[]; index: number; parent: TreeNode<T> | null } | null {
  const index = tree.findIndex((n) => n.item.id === id);
  if (index >= 0) return { siblings: tree, index, parent };
  for (const n of tree) {
    const found = locate(n.children, id, n);
    if (found) return found;
  }
  return null;
}

function height<T extends FlatItem>(n: TreeNode<T>): number {
  return n.children.length ? 1 + Math.max(...n.children.map(height)) : 0;
}

/** Which moves make sense for an item, with the names WordPress's links use ("Under Home"). */
export function availableMoves<T extends FlatItem>(tree: TreeNode<T>[], id: number, label: (item: T) => string): { move: MenuMove; text: string }[] {
  const at = locate(tree, id);
  if (!at) return [];
  const { siblings, index, parent } = at;
  const moves: { move: MenuMove; text: string }[] = [];
  if (index > 0) moves.push({ move: "up", text: "Up one" });
  if (index < siblings.length - 1) moves.push({ move: "down", text: "Down one" });
  const prev = siblings[index - 1];
  if (prev && prev.depth + 1 + height(siblings[index]!) <= MAX_MENU_DEPTH) moves.push({ move: "under", text: `Under ${label(prev.item)}` });
  if (parent) moves.push({ move: "out", text: `Out from under ${label(parent.item)}` });
  if (index > 0 || parent) moves.push({ move: "top", text: "To the top" });
  return moves;
}

/** The tree after one move; the same tree when the move does not apply (the first item cannot go up). */
export function moveItem<T extends FlatItem>(tree: TreeNode<T>[], id: number, move: MenuMove): TreeNode<T>[] {
  const copy = clone(tree);
  const at = locate(copy, id);
  if (!at) return copy;
  const { siblings, index, parent } = at;
  const node = siblings[index]!;
  switch (move) {
    case "up":
      if (index > 0) [siblings[index - 1], siblings[index]] = [node, siblings[index - 1]!];
      break;
    case "down":
      if (index < siblings.length - 1) [siblings[index + 1], siblings[index]] = [node, siblings[index + 1]!];
      break;
    case "under": {
      const prev = siblings[index - 1];
      if (!prev || prev.depth + 1 + height(node) > MAX_MENU_DEPTH) break;
      siblings.splice(index, 1);
      prev.children.push(node);
      break;
    }
    case "out": {
      if (!parent) break;
      const outer = locate(copy, parent.item.id)!;
      siblings.splice(index, 1);
      outer.siblings.splice(outer.index + 1, 0, node);
      break;
    }
    case "top":
      siblings.splice(index, 1);
      copy.unshift(node);
      break;
  }
  return rebuild(copy);
}

/** A whole new order (the drag path): every item once, parents among them, no cycle; else null. */
export function treeFromOrder<T extends FlatItem>(items: T[], order: { id: number; parentId: number | null }[]): TreeNode<T>[] | null {
  const byId = new Map(items.map((i) => [i.id, i]));
  if (order.length !== items.length || new Set(order.map((o) => o.id)).size !== items.length) return null;
  const seen = new Set<number>();
  for (const o of order) {
    if (!byId.has(o.id)) return null;
    // Depth-first order: a parent comes before its children.
    if (o.parentId != null && !seen.has(o.parentId)) return null;
    seen.add(o.id);
  }
  const tree = buildTree(order.map((o) => ({ ...byId.get(o.id)!, parentId: o.parentId })));
  return flatten(tree).some((f) => f.depth > MAX_MENU_DEPTH) ? null : tree;
}

function clone<T extends FlatItem>(tree: TreeNode<T>[]): TreeNode<T>[] {
  return tree.map((n) => ({ item: n.item, depth: n.depth, children: clone(n.children) }));
}

function rebuild<T extends FlatItem>(tree: TreeNode<T>[]): TreeNode<T>[] {
  const setDepth = (list: TreeNode<T>[], depth: number) => list.forEach((n) => ((n.depth = depth), setDepth(n.children, depth + 1)));
  setDepth(tree, 0);
  return tree;
}

/**
 * The drag path: the order after dropping an item (with its sub-items) before or after another,
 * or as its first sub-item. Dropping an item into its own sub-tree, or too deep, changes nothing.
 */
export function dropItem<T extends FlatItem>(tree: TreeNode<T>[], dragId: number, targetId: number, where: "before" | "after" | "child"): TreeNode<T>[] {
  const copy = clone(tree);
  const from = locate(copy, dragId);
  if (!from || dragId === targetId) return copy;
  const node = from.siblings[from.index]!;
  if (locate(node.children, targetId)) return rebuild(copy);
  from.siblings.splice(from.index, 1);
  const to = locate(copy, targetId)!;
  const target = to.siblings[to.index]!;
  const depth = where === "child" ? target.depth + 1 : target.depth;
  if (depth + height(node) > MAX_MENU_DEPTH) return rebuild(clone(tree));
  if (where === "child") target.children.unshift(node);
  else to.siblings.splice(where === "before" ? to.index : to.index + 1, 0, node);
  return rebuild(copy);
}
