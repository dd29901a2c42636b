import type { NextRequest } from 'next/server';
import { poolFeedResponse } from '@/lib/feeds/feed-response';

export const dynamic = 'force-dynamic';

/** The pool's notices as Atom 1.0, for feed readers and monitoring (same `?chain=` as the page). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ address: string }> }) {
  return poolFeedResponse(request, (await params).address, 'atom');
}
