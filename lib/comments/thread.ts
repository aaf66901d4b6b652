// Comments into threads as WordPress's Walker_Comment shows them: replies under their parent up
// to thread_comments_depth; a reply deeper than that is shown on the last level, right after its
// parent's siblings, and no Reply link is offered at the last level.
export interface Threadable {
  id: number;
  parentId: number | null;
}

export interface ThreadNode<T> {
  item: T;
  depth: number;
  children: ThreadNode<T>[];
}

/** `items` in display order (oldest first unless comment_order says otherwise). */
export function buildThread<T extends Threadable>(items: T[], opts: { threaded: boolean; maxDepth: number }): ThreadNode<T>[] {
  const maxDepth = opts.threaded ? Math.max(1, opts.maxDepth) : 1;
  const nodes = new Map<number, ThreadNode<T>>();
  for (const item of items) nodes.set(item.id, { item, depth: 1, children: [] });
  const roots: ThreadNode<T>[] = [];
  // Parents come first in date order, but do not rely on it: attach in two passes.
  const parentOf = (n: ThreadNode<T>) => (n.item.parentId ? nodes.get(n.item.parentId) : undefined);
  const depthOf = (n: ThreadNode<T>, seen = new Set<number>()): number => {
    const p = parentOf(n);
    if (!p || seen.has(n.item.id)) return 1;
    seen.add(n.item.id);
    return depthOf(p, seen) + 1;
  };
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const p = parentOf(node);
    // A reply whose parent is not shown (held, spam, trash) starts its own thread.
    if (!p || maxDepth === 1) {
      roots.push(node);
      continue;
    }
    let host: ThreadNode<T> = p;
    while (depthOf(host) >= maxDepth) {
      const up = parentOf(host);
      if (!up) break;
      host = up;
    }
    if (depthOf(host) >= maxDepth) roots.push(node);
    else host.children.push(node);
  }
  const setDepth = (list: ThreadNode<T>[], d: number) => {
    for (const n of list) {
      n.depth = d;
      setDepth(n.children, d + 1);
    }
  };
  setDepth(roots, 1);
  return roots;
}
