// The blog actor's key pairs: RSA (HTTP Signatures, what Mastodon checks) and Ed25519 (Object
// Integrity Proofs), made once and kept in the database; two processes making them at the same
// first request keep whichever pair was stored first.
import { exportJwk, generateCryptoKeyPair, importJwk } from "@fedify/fedify";
import { insertActorKeys, listActorKeys, type ActorKeyRow } from "@/db/queries/federation";

const ALGORITHMS = ["RSASSA-PKCS1-v1_5", "Ed25519"] as const;

export async function actorKeyPairs(actor: string): Promise<CryptoKeyPair[]> {
  let rows = await listActorKeys(actor);
  if (rows.length < ALGORITHMS.length) {
    const made: ActorKeyRow[] = [];
    for (const algorithm of ALGORITHMS) {
      if (rows.some((r) => r.algorithm === algorithm)) continue;
      const pair = await generateCryptoKeyPair(algorithm);
      made.push({ algorithm, privateKey: JSON.stringify(await exportJwk(pair.privateKey)), publicKey: JSON.stringify(await exportJwk(pair.publicKey)) });
    }
    rows = await insertActorKeys(actor, made);
  }
  // RSA first: Fedify signs HTTP requests with the first RSA pair and lists them in this order.
  const ordered = ALGORITHMS.map((a) => rows.find((r) => r.algorithm === a)!).filter(Boolean);
  return await Promise.all(
    ordered.map(async (r) => ({ privateKey: await importJwk(JSON.parse(r.privateKey) as JsonWebKey, "private"), publicKey: await importJwk(JSON.parse(r.publicKey) as JsonWebKey, "public") })),
  );
}
