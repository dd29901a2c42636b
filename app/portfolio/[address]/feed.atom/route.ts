import type { NextRequest } from 'next/server';
import { accountFeedResponse } from '@/lib/feeds/feed-response';

export const dynamic = 'force-dynamic';

/** The notices of the pools this address holds or held, and of its own exits, as Atom 1.0. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ address: string }> }) {
  return accountFeedResponse(request, (await params).address, 'atom');
}
