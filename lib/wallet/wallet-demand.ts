'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether this tab wants the wallet stack (wagmi, viem's clients, RainbowKit, TanStack Query): not until a
 * visitor opens Connect or an action, or arrives with a wallet already connected (the server knows from
 * wagmi's cookie). Read-only visitors never load it. Once wanted, every wallet island on the page goes live,
 * and stays so for the tab's life; while a Connect press is pending, only the pressed island does (see
 * islandIsLive), so its modal is not kept waiting behind the code of the page's other islands.
 */
type Demand = {
  wanted: boolean;
  /** The island whose Connect was pressed, until its modal has been drawn (or the island has left the page). */
  connectRequestedBy: string | null;
};

let demand: Demand = { wanted: false, connectRequestedBy: null };
/**
 * The pressed island has asked for its modal: the request is taken, the other islands wait for the first frame.
 * Kept apart from `demand`, which islands render from: taking the request changes nothing on screen, and a
 * notified change would re-render every island's stack in the task that draws the modal.
 */
let connectOpened = false;
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
  if (openConnectIn && onPage.has(openConnectIn)) {
    connectOpened = false;
    update({ wanted: true, connectRequestedBy: openConnectIn });
  } else if (!demand.wanted) update({ ...demand, wanted: true });
}

/**
 * The islands on the page. A press whose island has left the page by the time its code is in (the visitor went
 * on) only loads the wallet: a request no island will open would keep the others waiting, and the tab from
 * reconnecting, for good.
 */
const onPage = new Set<string>();

/** An island is on the page; the function returned takes it off (and gives up its pending press). */
export function islandMounted(island: string): () => void {
  onPage.add(island);
  return () => {
    onPage.delete(island);
    dropConnectRequest(island);
  };
}

/**
 * True once, for the island whose Connect was pressed: it opens the modal. Taken in one step, so a re-run effect
 * or a second island never opens a second modal. The other islands stay as they are until finishConnectRequest.
 */
export function claimConnectRequest(island: string): boolean {
  if (demand.connectRequestedBy !== island || connectOpened) return false;
  connectOpened = true;
  return true;
}

/**
 * The pressed island's modal is on screen: the other islands go live now. Their code and rendering (a pool's
 * action panel is larger than the modal) would otherwise be done before the modal is first drawn.
 */
export function finishConnectRequest(island: string) {
  if (demand.connectRequestedBy !== island) return;
  connectOpened = false;
  update({ ...demand, connectRequestedBy: null });
}

/** A press on Connect waits for its modal to be drawn. */
export function connectRequestPending(): boolean {
  return demand.connectRequestedBy !== null;
}

/**
 * An island that unmounts before its modal opened (the visitor navigated away) gives up its request, so the
 * other islands, which wait for it, go live.
 */
export function dropConnectRequest(island: string) {
  finishConnectRequest(island);
}

/**
 * Whether an island shows its wallet content. A returning visitor's islands all do at once. After a press on
 * Connect, the pressed island goes first; the others follow once its modal has been drawn (finishConnectRequest):
 * the modal is what the visitor waits for, and a pool's action panel would otherwise add its own code and
 * render to that wait.
 */
export function islandIsLive(
  d: Pick<Demand, 'wanted' | 'connectRequestedBy'>,
  island: string,
  returning: boolean,
): boolean {
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
