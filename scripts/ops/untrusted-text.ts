/**
 * Text the operator did not write character by character (a CSV cell exported from the books, a pasted flag):
 * printed only escaped, and kept off the chain when it holds characters that change how text is shown.
 */

/**
 * C0 and C1 controls and DEL (a terminal runs escape sequences: a cell could erase a line or fake "✓ mined"),
 * the line and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates (they
 * reorder what a terminal, an explorer or the app shows: "txt.exe" can read "exe.txt").
 */
const DISPLAY_CHANGING = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const DISPLAY_CHANGING_ALL = new RegExp(DISPLAY_CHANGING.source, 'g');

const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The longest input echoed in full; a longer one is cut (it is wrong anyway, and may be a whole file). */
const ECHO_LIMIT = 80;

/** `text` in double quotes with JSON's escapes, the display-changing characters too, cut at 80 characters. */
export function quoted(text: string): string {
  const shown = text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
  return JSON.stringify(shown).replace(DISPLAY_CHANGING_ALL, escaped);
}

/** A message, one line per "\n", with any display-changing character in it escaped. */
export function printable(message: string): string {
  return message
    .split('\n')
    .map((line) => line.replace(DISPLAY_CHANGING_ALL, escaped))
    .join('\n');
}

/** The first display-changing character in `text` as "U+202E at character 5", or null if there is none. */
export function displayChangingCharacter(text: string): string | null {
  const m = DISPLAY_CHANGING.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at character ${m.index + 1}`;
}
