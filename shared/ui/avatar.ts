// A person's avatar without a picture (the API has none): initials from the full name, on a colour picked
// by the person's id, so the same colleague looks the same in the panel and the console. Each colour is a
// pair of tones per theme whose contrast is at least WCAG AA for text (avatar.test.ts checks every one).

/** "Ada Lovelace" → "AL", "Ben" → "B", "Jean-Luc de la Tour" → "JT": the first letters of the first and last names. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = (w: string) => Array.from(w)[0]!.toLocaleUpperCase();
  return words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words[words.length - 1]!);
}

export interface Tones {
  bg: string;
  fg: string;
}

const HUES = [0, 25, 45, 95, 145, 175, 200, 225, 255, 285, 315, 340];

function hsl(h: number, s: number, l: number): string {
  const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    const v = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** The palette, light and dark tones for each hue. */
export const avatarPalette: ReadonlyArray<{ light: Tones; dark: Tones }> = HUES.map((h) => ({
  light: { bg: hsl(h, 70, 90), fg: hsl(h, 65, 26) },
  dark: { bg: hsl(h, 35, 30), fg: hsl(h, 85, 90) },
}));

/** A stable palette entry for an id (FNV-1a over its characters). */
export function avatarTones(id: string): { light: Tones; dark: Tones } {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return avatarPalette[(hash >>> 0) % avatarPalette.length]!;
}
