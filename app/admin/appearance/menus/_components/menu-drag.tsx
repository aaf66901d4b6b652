"use client";
// Drag and drop for the menu items: drop on the top half of an item to put the dragged one
// before it, on the bottom half to put it after, or further right to make it the item's first
// sub-item. The new order is posted through the form's own "reorder" intent (actions.ts), so the
// rules are those of lib/menus/tree.ts, as for the Move buttons.
import { useEffect } from "react";
import { buildTree, dropItem, flatten } from "@/lib/menus/tree";

const INDENT_PX = 48;

export function MenuDrag() {
  useEffect(() => {
    const list = document.getElementById("menu-items");
    const form = document.getElementById("menu-form") as HTMLFormElement | null;
    if (!list || !form) return;
    const rows = () => [...list.querySelectorAll<HTMLLIElement>("li[data-menu-item]")];
    let dragging: number | null = null;
    const whereFor = (li: HTMLLIElement, e: DragEvent): "before" | "after" | "child" => {
      const box = li.getBoundingClientRect();
      if (e.clientY < box.top + box.height / 2) return "before";
      return e.clientX > box.left + INDENT_PX ? "child" : "after";
    };
    const clear = () => rows().forEach((li) => delete li.dataset.drop);
    for (const li of rows()) li.draggable = true;
    const onStart = (e: DragEvent) => {
      const li = (e.target as Element).closest<HTMLLIElement>("li[data-menu-item]");
      if (!li) return;
      dragging = Number(li.dataset.menuItem);
      e.dataTransfer?.setData("text/plain", String(dragging));
    };
    const onOver = (e: DragEvent) => {
      const li = (e.target as Element).closest<HTMLLIElement>("li[data-menu-item]");
      if (!li || dragging === null) return;
      e.preventDefault();
      clear();
      li.dataset.drop = whereFor(li, e);
    };
    const onDrop = (e: DragEvent) => {
      const li = (e.target as Element).closest<HTMLLIElement>("li[data-menu-item]");
      clear();
      if (!li || dragging === null) return;
      e.preventDefault();
      const flat = rows().map((r) => ({ id: Number(r.dataset.menuItem), parentId: r.dataset.parent ? Number(r.dataset.parent) : null }));
      const order = flatten(dropItem(buildTree(flat), dragging, Number(li.dataset.menuItem), whereFor(li, e))).map(({ id, parentId }) => ({ id, parentId }));
      dragging = null;
      (form.elements.namedItem("order") as HTMLInputElement).value = JSON.stringify(order);
      form.requestSubmit(form.querySelector<HTMLButtonElement>("button[data-reorder]"));
    };
    list.addEventListener("dragstart", onStart);
    list.addEventListener("dragover", onOver);
    list.addEventListener("dragleave", clear);
    list.addEventListener("drop", onDrop);
    return () => {
      list.removeEventListener("dragstart", onStart);
      list.removeEventListener("dragover", onOver);
      list.removeEventListener("dragleave", clear);
      list.removeEventListener("drop", onDrop);
    };
  }, []);
  return null;
}
