import type { NextRequest } from 'next/server';
import { entitySlug } from '@/lib/portfolio/entity-response';
import { parseEntity } from '@/lib/portfolio/entity';
import { plainText } from '@/lib/portfolio/statement-response';
import { periodStatementDownload } from '@/lib/statements/statement-download';

export const dynamic = 'force-dynamic';

/** The entity's period statement as PDF, all its wallets together; a 400 names what is wrong with them. */
export async function GET(request: NextRequest) {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  const parsed = parseEntity(params);
  if (!parsed.ok) return plainText(400, parsed.errors.join(' '));
  const { entity } = parsed;
  return periodStatementDownload(entity.wallets, params, { name: entity.name, slug: entitySlug(entity) }, 'pdf');
}
