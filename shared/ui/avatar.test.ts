// Avatars: initials from the full name; a stable colour per person, readable (WCAG AA) in both themes.
import { describe, expect, it } from 'vitest';
import { avatarPalette, avatarTones, initials } from './avatar';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('initials', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Ben')).toBe('B');
    expect(initials('  jean-luc de la Tour ')).toBe('JT');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('𝒜da Byron')).toBe('𝒜B'); // a letter outside the BMP stays whole
    expect(initials('')).toBe('?');
  });
});

describe('avatar colours', () => {
  it('are readable: every tone pair reaches AA (4.5:1) in light and dark', () => {
    for (const { light, dark } of avatarPalette) {
      expect(contrast(light.fg, light.bg)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(dark.fg, dark.bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('are stable per id and spread over the palette', () => {
    expect(avatarTones('00000000-0000-4000-8000-000000000001')).toBe(avatarTones('00000000-0000-4000-8000-000000000001'));
    const used = new Set(Array.from({ length: 60 }, (_, i) => avatarTones(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)));
    expect(used.size).toBeGreaterThan(avatarPalette.length / 2);
  });
});
