import 'server-only';
import { plainText } from './statement-response';
import type { NextRequest } from 'next/server';
import { readIndexer } from '../indexer/client';
import { parseEntity, type Entity } from './entity';

/**
 * An entity's statement download (CSV): 400 naming what is wrong with its wallets, 503 saying why when the
 * indexer cannot answer, never a partial file.
 */
export async function entityStatementResponse(
  request: NextRequest,
  build: (entity: Entity) => Promise<Response>,
): Promise<Response> {
  const parsed = parseEntity(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.ok) return plainText(400, parsed.errors.join(' '));
  const read = await readIndexer(() => build(parsed.entity));
  return read.ok ? read.data : plainText(503, `${read.error} No statement was produced; try again in a moment.`);
}

/** "machine-yield-acme-fund-i-positions.csv": the entity's name, as a file name can carry it. */
export function entityFilename(entity: Entity, what: 'positions' | 'tranches' | 'history'): string {
  return `machine-yield-${entitySlug(entity)}-${what}.csv`;
}

/** The entity's name as a file name can carry it: "acme-fund-i". */
export function entitySlug(entity: Entity): string {
  return (
    entity.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entity'
  );
}
