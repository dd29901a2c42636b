import type { NextRequest } from 'next/server';
import { parsePortfolioAddress } from '@/lib/portfolio/portfolio-address';
import { plainText } from '@/lib/portfolio/statement-response';
import { periodStatementDownload } from '@/lib/statements/statement-download';

export const dynamic = 'force-dynamic';

/** The address's period statement as PDF: `?period=2026-11`, `2026-Q3`, `2026`, or `?from=&to=`. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ address: string }> }) {
  const account = parsePortfolioAddress((await params).address);
  if (!account) return plainText(404, 'Not an address: 0x followed by 40 hexadecimal characters.');
  return periodStatementDownload(
    [account],
    Object.fromEntries(request.nextUrl.searchParams),
    { name: account, slug: account },
    'pdf',
  );
}
