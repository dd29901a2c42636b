/** The reader's colour scheme: their system's, or one they chose (kept in a cookie so the server renders it). */
const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];
export const THEME_COOKIE = 'theme';

export function parseThemePreference(raw: string | undefined): ThemePreference {
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}

/** The class on <html>: none follows the system (globals.css), `light` or `dark` overrides it. */
export function themeClass(theme: ThemePreference): string | undefined {
  return theme === 'system' ? undefined : theme;
}

export function nextTheme(theme: ThemePreference): ThemePreference {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}
