import type { NextRequest } from 'next/server';
import { entityFeedResponse } from '@/lib/feeds/feed-response';

export const dynamic = 'force-dynamic';

/** The notices of the pools an entity's wallets hold or held, and of their own exits, as Atom 1.0. */
export async function GET(request: NextRequest) {
  return entityFeedResponse(request, 'atom');
}
