/**
 * Which chains a request is about. One indexer serves every chain of CHAIN_IDS (indexed-chains.ts), where
 * the same pool address or asset id can exist on two chains:
 *
 * - a list or an account (`someChains`) spans every chain, or only those `?chainId=` names: one id, or
 *   several comma-separated (`?chainId=84532,11155111`), each once;
 * - one thing (`oneChain`: a pool, an asset, a project) is on one chain: `?chainId=` with one id, which may
 *   be left out only when the indexer serves a single chain.
 *
 * A chainId the indexer does not serve, one named twice, or a missing one where it is needed, is a 400
 * naming the chains. So is the parameter itself given twice (`?chainId=1&chainId=2`): the app appends its
 * own, so a browser that adds one to a URL the app forwards is refused rather than heard.
 */
import { createMiddleware } from 'hono/factory';
import { indexedChainIds } from '../../indexed-chains';
import { quote } from './validation';

declare module 'hono' {
  interface ContextVariableMap {
    /** The one chain the answer is about (oneChain). */
    chainId: number;
    /** The chains the answer spans (someChains): those asked for, else all of them, in CHAIN_IDS order. */
    chainIds: number[];
  }
}

/** The chains this indexer serves, in the order CHAIN_IDS gives them. */
export const servedChainIds: readonly number[] = indexedChainIds();

const served = () => servedChainIds.join(', ');

/** The chains `?chainId=` names, undefined when absent, or the 400's message. */
function askedChains(values: string[] | undefined): { chainIds?: number[]; error?: string } {
  if (values === undefined || values.length === 0) return {};
  if (values.length > 1) return { error: 'chainId: give it once' };
  const asked: number[] = [];
  for (const raw of values[0]!.split(',').map((s) => s.trim())) {
    const chainId = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
    if (!servedChainIds.includes(chainId))
      return { error: `chainId: "${quote(raw)}" is not a chain this indexer serves (${served()})` };
    if (asked.includes(chainId))
      return { error: `chainId: "${quote(raw)}" is named twice (this indexer serves ${served()})` };
    asked.push(chainId);
  }
  return { chainIds: servedChainIds.filter((id) => asked.includes(id)) };
}

export const someChains = createMiddleware(async (c, next) => {
  const { chainIds, error } = askedChains(c.req.queries('chainId'));
  if (error) return c.json({ error }, 400);
  c.set('chainIds', chainIds ?? [...servedChainIds]);
  await next();
});

export const oneChain = createMiddleware(async (c, next) => {
  const values = c.req.queries('chainId');
  // A list is refused as such, before its entries are checked: here it is never right, however valid.
  if (values?.length === 1 && values[0]!.includes(','))
    return c.json(
      { error: `chainId: one chain is needed here, not "${quote(values[0]!)}" (this indexer serves ${served()})` },
      400,
    );
  const { chainIds, error } = askedChains(values);
  if (error) return c.json({ error }, 400);
  if (chainIds === undefined && servedChainIds.length > 1)
    return c.json({ error: `chainId is required: this indexer serves chains ${served()}` }, 400);
  const id = chainIds?.[0] ?? servedChainIds[0]!;
  c.set('chainId', id);
  c.set('chainIds', [id]);
  await next();
});
