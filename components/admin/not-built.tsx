// An honest placeholder: the screen exists in the menu, and says it is not built yet.
export function NotBuilt({ title, issue }: { title: string; issue: string }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-4 rounded border border-amber-400 bg-amber-50 p-4">
        This screen is not built yet. It is planned in the “{issue}” work; nothing here pretends to work until then.
      </p>
    </>
  );
}
