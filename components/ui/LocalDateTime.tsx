'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * A chain timestamp in the reader's own locale and time zone. The server renders UTC (it cannot know the
 * reader's zone); the client swaps in local time after hydration without a mismatch warning.
 */
export function LocalDateTime({ seconds, dateOnly = false }: { seconds: bigint | number; dateOnly?: boolean }) {
  const date = new Date(Number(seconds) * 1000);
  const isClient = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const text = isClient
    ? date.toLocaleString(undefined, dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' })
    : dateOnly
      ? date.toISOString().slice(0, 10)
      : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return <time dateTime={date.toISOString()}>{text}</time>;
}
