// Fedify's key–value store on Inkwell's own database (db/queries/federation.ts): remote documents
// and keys it caches, idempotency marks, signature-spec guesses. Values are JSON; a TTL becomes
// an expiry time that every read honours (the job poller forgets expired rows hourly).
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from "@fedify/fedify";
import { deleteKvValue, getKvValue, kvKeyParts, kvKeyText, listKvValues, setKvValue, swapKvValue } from "@/db/queries/federation";

const expiry = (options?: KvStoreSetOptions): number | null => (options?.ttl ? Date.now() + options.ttl.total("millisecond") : null);
const encode = (value: unknown) => JSON.stringify(value ?? null);

export class DatabaseKvStore implements KvStore {
  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    const text = await getKvValue(kvKeyText(key));
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    await setKvValue(kvKeyText(key), encode(value), expiry(options));
  }

  async delete(key: KvKey): Promise<void> {
    await deleteKvValue(kvKeyText(key));
  }

  async cas(key: KvKey, expectedValue: unknown, newValue: unknown, options?: KvStoreSetOptions): Promise<boolean> {
    return await swapKvValue(kvKeyText(key), expectedValue === undefined ? undefined : encode(expectedValue), encode(newValue), expiry(options));
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    for (const row of await listKvValues(prefix ? kvKeyText(prefix) : undefined)) {
      yield { key: kvKeyParts(row.key) as unknown as KvKey, value: JSON.parse(row.value) as unknown };
    }
  }
}
