import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** False in the server's HTML (no JavaScript), true once hydrated: controls that need scripts wait for it. */
export function useScripted(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
