/**
 * Which chains a request is about. One indexer serves every chain of CHAIN_IDS (indexed-chains.ts), where
 * the same pool address or asset id can exist on two chains:
 *
 * - a list (`someChains`) spans every chain, or only the one `?chainId=` names;
 * - one thing (`oneChain`: a pool, an asset, a project, an account) is on one chain: `?chainId=`, which may
 *   be left out only when the indexer serves a single chain.
 *
 * A chainId the indexer does not serve, or a missing one where it is needed, is a 400 naming the chains.
 */
import { createMiddleware } from 'hono/factory';
import { indexedChainIds } from '../../indexed-chains';
import { quote } from './validation';

declare module 'hono' {
  interface ContextVariableMap {
    /** The one chain the answer is about (oneChain). */
    chainId: number;
    /** The chains the answer spans (someChains): the one asked for, else all of them. */
    chainIds: number[];
  }
}

/** The chains this indexer serves, in the order CHAIN_IDS gives them. */
export const servedChainIds: readonly number[] = indexedChainIds();

const served = () => servedChainIds.join(', ');

/** The chain `?chainId=` names, undefined when absent, or the 400's message (a repeated one is refused too). */
function askedChain(values: string[] | undefined): { chainId?: number; error?: string } {
  if (values === undefined || values.length === 0) return {};
  if (values.length > 1) return { error: 'chainId: give it once' };
  const raw = values[0]!;
  const chainId = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!servedChainIds.includes(chainId))
    return { error: `chainId: "${quote(raw)}" is not a chain this indexer serves (${served()})` };
  return { chainId };
}

export const someChains = createMiddleware(async (c, next) => {
  const { chainId, error } = askedChain(c.req.queries('chainId'));
  if (error) return c.json({ error }, 400);
  c.set('chainIds', chainId === undefined ? [...servedChainIds] : [chainId]);
  await next();
});

export const oneChain = createMiddleware(async (c, next) => {
  const { chainId, error } = askedChain(c.req.queries('chainId'));
  if (error) return c.json({ error }, 400);
  if (chainId === undefined && servedChainIds.length > 1)
    return c.json({ error: `chainId is required: this indexer serves chains ${served()}` }, 400);
  const id = chainId ?? servedChainIds[0]!;
  c.set('chainId', id);
  c.set('chainIds', [id]);
  await next();
});
