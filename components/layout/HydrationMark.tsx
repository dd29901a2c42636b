'use client';

import { useEffect } from 'react';
import { HYDRATED_ATTRIBUTE, HYDRATED_EVENT } from '@/lib/page-cache/hydration-on-intent';

/**
 * Says the page has hydrated: an attribute on <html> and a window event. A cached read-only page hydrates on
 * intent (lib/page-cache/hydration-on-intent.ts); its loader replays a click that came before this.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.setAttribute(HYDRATED_ATTRIBUTE, '');
    window.dispatchEvent(new Event(HYDRATED_EVENT));
  }, []);
  return null;
}
