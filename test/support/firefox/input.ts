// Real input through BiDi `input.performActions`: the pointer at a point of a context's viewport, and keys
// named as Playwright names them ("Enter", "Shift+Tab", "Alt+Shift+A").
import type { Bidi } from './bidi';

/** WebDriver's code points for the named keys (WebDriver spec, "keyboard actions"). */
const KEYS: Record<string, string> = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  ArrowUp: '\uE013',
  ArrowDown: '\uE015',
  ArrowLeft: '\uE012',
  ArrowRight: '\uE014',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  // F1..F12: U+E031..U+E03C.
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, String.fromCharCode(0xe031 + i)])),
};

function keyValue(name: string): string {
  const value = KEYS[name] ?? ([...name].length === 1 ? name : undefined);
  if (value === undefined) throw new Error(`Firefox driver: unknown key "${name}" (known: ${Object.keys(KEYS).join(', ')}, or one character)`);
  return value;
}

type KeyAction = { type: 'keyDown' | 'keyUp'; value: string };

/** "Shift+Tab": modifiers down, the key down and up, modifiers up. */
export function pressActions(combo: string): KeyAction[] {
  const parts = combo === '+' ? ['+'] : combo.split('+');
  const keys = parts.map(keyValue);
  return [...keys.map((value) => ({ type: 'keyDown' as const, value })), ...keys.reverse().map((value) => ({ type: 'keyUp' as const, value }))];
}

/** Typing text: each character down and up (a line break is Enter). */
export function typeActions(text: string): KeyAction[] {
  return [...text].flatMap((ch) => {
    const value = ch === '\n' ? KEYS.Enter! : ch;
    return [
      { type: 'keyDown' as const, value },
      { type: 'keyUp' as const, value },
    ];
  });
}

export async function keys(bidi: Bidi, context: string, actions: KeyAction[]): Promise<void> {
  if (!actions.length) return;
  await bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
}

type PointerStep = { type: 'pointerMove'; x: number; y: number } | { type: 'pointerDown' | 'pointerUp'; button: number };

export async function pointer(bidi: Bidi, context: string, steps: PointerStep[]): Promise<void> {
  const actions = steps.map((s) => (s.type === 'pointerMove' ? { ...s, x: Math.round(s.x), y: Math.round(s.y), origin: 'viewport' } : s));
  await bidi.send('input.performActions', { context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
}

/** WebDriver's button numbers (0 the primary; a right click opens the context menu: `contextmenu`). */
const BUTTONS = { left: 0, middle: 1, right: 2 } as const;
export type MouseButton = keyof typeof BUTTONS;

export const click = (x: number, y: number, clickCount = 1, button: MouseButton = 'left'): PointerStep[] => [
  { type: 'pointerMove', x, y },
  ...Array.from({ length: clickCount }, () => [
    { type: 'pointerDown' as const, button: BUTTONS[button] },
    { type: 'pointerUp' as const, button: BUTTONS[button] },
  ]).flat(),
];
