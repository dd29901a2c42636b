import { describe, expect, it } from 'vitest';
import { nextTheme, parseThemePreference, themeClass } from './theme-preference';

describe('theme preference', () => {
  it('reads the cookie, anything unknown being the system’s scheme', () => {
    expect(parseThemePreference('dark')).toBe('dark');
    expect(parseThemePreference('light')).toBe('light');
    expect(parseThemePreference('purple')).toBe('system');
    expect(parseThemePreference(undefined)).toBe('system');
  });

  it('cycles system → light → dark → system, and only a choice sets a class', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
    expect(themeClass('system')).toBeUndefined();
    expect(themeClass('dark')).toBe('dark');
  });
});
