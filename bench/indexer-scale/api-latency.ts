/** The API under load (autocannon) and alone (one uncached request at a time); Ponder's metrics read back. */
import autocannon from 'autocannon';

function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `headers`: what each request sends besides autocannon's own (a page is asked for as a browser asks). */
export async function load(url: string, connections: number, duration: number, headers: Record<string, string> = {}) {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration, timeout: 30, headers }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / duration,
    requests: times.length,
    failures: [
      result.non2xx > 0 ? `${result.non2xx} non-2xx` : '',
      result.timeouts > 0 ? `${result.timeouts} timed out (30 s)` : '',
      result.errors - result.timeouts > 0 ? `${result.errors - result.timeouts} errors` : '',
    ]
      .filter(Boolean)
      .join(', '),
  };
}

/**
 * Latency of one request at a time: what a request costs with no queue in front of it. Each URL is made
 * unique (an ignored parameter), so none is answered from the API's cache: this is the query's own cost.
 */
export async function unloaded(url: string, n = 20) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}uncached=${Date.now()}-${i}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Sums of one Prometheus series from Ponder's /metrics, by the value of one label. */
export function metric(text: string, name: string, label: string): Record<string, number> {
  const out: Record<string, number> = {};
  const line = new RegExp(`^${name}\\{([^}]*)\\} ([0-9.e+-]+)$`);
  for (const row of text.split('\n')) {
    const match = line.exec(row);
    const key = match && new RegExp(`${label}="([^"]+)"`).exec(match[1]!)?.[1];
    if (key) out[key] = (out[key] ?? 0) + Number(match[2]);
  }
  return out;
}
