'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether this tab wants the wallet stack (wagmi, viem's clients, RainbowKit, TanStack Query): not until a
 * visitor opens Connect or an action, or arrives with a wallet already connected (the server knows from
 * wagmi's cookie). Read-only visitors never load it. Once wanted, every wallet island on the page goes live,
 * and stays so for the tab's life; while a Connect press is pending, only the pressed island does (see
 * islandIsLive), so its modal is not kept waiting behind the code of the page's other islands.
 */
type Demand = { wanted: boolean; connectRequestedBy: string | null };

let demand: Demand = { wanted: false, connectRequestedBy: null };
const listeners = new Set<() => void>();

function update(next: Demand) {
  demand = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * Loads the wallet stack. `openConnectIn`: the island whose connect modal should open once it has loaded (the
 * button the visitor pressed), so one press is enough.
 */
export function requestWallet(openConnectIn?: string) {
  update({ wanted: true, connectRequestedBy: openConnectIn ?? demand.connectRequestedBy });
}

/**
 * True once, for the island whose Connect was pressed: it opens the modal. Taken and cleared in one step, so a
 * re-run effect or a second island never opens a second modal.
 */
export function claimConnectRequest(island: string): boolean {
  if (demand.connectRequestedBy !== island) return false;
  update({ ...demand, connectRequestedBy: null });
  return true;
}

/**
 * An island that unmounts before its modal opened (the visitor navigated away) gives up its request, so the
 * other islands, which wait for it, go live.
 */
export function dropConnectRequest(island: string) {
  if (demand.connectRequestedBy === island) update({ ...demand, connectRequestedBy: null });
}

/**
 * Whether an island shows its wallet content. A returning visitor's islands all do at once. After a press on
 * Connect, the pressed island goes first; the others follow once its modal has opened (the request claimed):
 * the modal is what the visitor waits for, and a pool's action panel would otherwise add its own code and
 * render to that wait.
 */
export function islandIsLive(d: Demand, island: string, returning: boolean): boolean {
  if (returning) return true;
  return d.wanted && (d.connectRequestedBy === null || d.connectRequestedBy === island);
}

const SERVER: Demand = { wanted: false, connectRequestedBy: null };

export function useWalletDemand(): Demand {
  return useSyncExternalStore(
    subscribe,
    () => demand,
    () => SERVER,
  );
}
