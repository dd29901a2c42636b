'use client';

import { useState } from 'react';
import { nextTheme, THEME_COOKIE, themeClass, type ThemePreference } from '@/lib/theme/theme-preference';

const LABEL: Record<ThemePreference, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };
const ICON: Record<ThemePreference, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark. The server rendered the same choice from the cookie: nothing flashes. */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [theme, setTheme] = useState(initial);
  const next = nextTheme(theme);
  return (
    <button
      type="button"
      onClick={() => {
        setTheme(next);
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        const root = document.documentElement;
        root.classList.remove('light', 'dark');
        const cls = themeClass(next);
        if (cls) root.classList.add(cls);
      }}
      aria-label={`${LABEL[theme]}; switch to ${LABEL[next].toLowerCase()}`}
      title={LABEL[theme]}
      className="grid size-9 place-items-center rounded-lg border border-line text-base text-ink-muted hover:text-ink"
    >
      <span aria-hidden>{ICON[theme]}</span>
    </button>
  );
}
