/**
 * Rendered pages kept in the server's memory, each valid for one state of the indexer (`heads`: the block it
 * has reached on every chain the app serves). Read-only pages change only when the indexer indexes a block,
 * so the same render serves every read-only visitor until then: a page costs one render per block, not one
 * per request. Pure: proxy.ts supplies the render, the heads and the nonce handling (lib/page-cache/).
 */

/** One answer of the page renderer, as the visitor would get it (its nonce still the render's placeholder). */
export type RenderedPage = {
  status: number;
  headers: [string, string][];
  body: string;
};

/**
 * hit: rendered for these heads before. miss: rendered now (by this request, or one it joined). stale: the
 * page of the previous heads, served while the render for the new ones is in flight for another visitor.
 */
export type PageCacheOutcome = 'hit' | 'miss' | 'stale';

type Entry = { page: RenderedPage; heads: string; storedAt: number; bytes: number };

export type PageCacheOptions = {
  /** Memory the bodies may take, in UTF-16 code units ×2 (bytes of the strings held); oldest-used go first. */
  maxBytes: number;
  /**
   * The longest a page is served, whatever the heads: a bound on anything in it that is not a function of the
   * indexed block (the time a page says it was read), and on a page kept through a quiet chain.
   */
  maxAgeMs: number;
  /** Whether a render may be kept: a good page, not an error or a page that says its figures are unavailable. */
  storable: (page: RenderedPage) => boolean;
  now?: () => number;
};

export function createPageCache({ maxBytes, maxAgeMs, storable, now = Date.now }: PageCacheOptions) {
  // A Map iterates in insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  const renders = new Map<string, Promise<RenderedPage>>();
  let bytes = 0;

  function remove(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  }

  function store(key: string, heads: string, page: RenderedPage) {
    const size = 2 * (page.body.length + key.length);
    if (size > maxBytes) return;
    remove(key);
    entries.set(key, { page, heads, storedAt: now(), bytes: size });
    bytes += size;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      remove(oldest);
    }
  }

  return {
    /**
     * The page at `key` for the indexer state `heads`: kept, else rendered once however many visitors ask at
     * the same time. While one visitor's request renders a new state, the others get the previous state's page
     * (at most one render old) rather than a queue behind it.
     */
    async serve(
      key: string,
      heads: string,
      render: () => Promise<RenderedPage>,
    ): Promise<{ page: RenderedPage; outcome: PageCacheOutcome }> {
      const entry = entries.get(key);
      const young = entry !== undefined && now() - entry.storedAt <= maxAgeMs;
      if (entry && young && entry.heads === heads) {
        entries.delete(key);
        entries.set(key, entry);
        return { page: entry.page, outcome: 'hit' };
      }
      const renderKey = `${heads}\n${key}`;
      const inFlight = renders.get(renderKey);
      if (inFlight) {
        if (entry && young) return { page: entry.page, outcome: 'stale' };
        return { page: await inFlight, outcome: 'miss' };
      }
      const rendering = render()
        .then((page) => {
          if (storable(page)) store(key, heads, page);
          return page;
        })
        .finally(() => renders.delete(renderKey));
      renders.set(renderKey, rendering);
      return { page: await rendering, outcome: 'miss' };
    },
    /** Pages kept and the memory they take: for tests and the health report. */
    size: () => ({ pages: entries.size, bytes }),
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/**
 * A read shared by the callers of a short window: a caller joins the read that started at most `windowMs` before
 * it arrived (running or done), else starts one. Under load the indexer gets one status request per window, not
 * one per page request, and no answer is older than the window plus the read's own time. A failed read is not
 * shared past its own callers.
 */
export function sharedWithin<T>(
  read: () => Promise<T>,
  windowMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let last: { startedAt: number; value: Promise<T> } | undefined;
  return () => {
    const at = now();
    if (last && at - last.startedAt <= windowMs) return last.value;
    const current = { startedAt: at, value: read() };
    last = current;
    current.value.catch(() => {
      if (last === current) last = undefined;
    });
    return current.value;
  };
}
