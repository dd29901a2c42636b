import { serverEnv } from '../config/server-env';
import { getFromIndexer } from '../indexer/client';
import { indexerStatusSchema } from '../indexer/wire';

/**
 * The state of the indexer a read-only page is rendered from: the block it has reached on each chain the app
 * serves, as one string (`31337:1204 84532:88`). A cached page is good while this is unchanged. Null when the
 * indexer does not answer or does not index a served chain: the page is then rendered for the visitor.
 */
export async function readIndexedHeads(): Promise<string | null> {
  const status = await getFromIndexer('/status', indexerStatusSchema).catch(() => null);
  if (!status) return null;
  const blocks = new Map(Object.values(status).map((chain) => [chain.id, chain.block.number]));
  const heads: string[] = [];
  for (const { id } of serverEnv().chains) {
    const block = blocks.get(id);
    if (block === undefined) return null;
    heads.push(`${id}:${block}`);
  }
  return heads.join(' ');
}
