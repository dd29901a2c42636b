/** How long after the first refresh the page refreshes again. */
export const SECOND_REFRESH_MS = 1_500;

/**
 * Re-renders the server figures once the indexer has a transaction's block, and once more a moment later:
 * Ponder's checkpoint can name a block just before that block's rows are readable. `alsoLater` runs with
 * the second refresh (the client's own indexer reads, refetched).
 */
export function refreshAfterIndexing(router: { refresh: () => void }, alsoLater?: () => void) {
  router.refresh();
  setTimeout(() => {
    router.refresh();
    alsoLater?.();
  }, SECOND_REFRESH_MS);
}
