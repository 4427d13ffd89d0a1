// The selector steps a Firefox locator is made of: plain data, built in Node (locator.ts) and resolved
// inside the page by the injected engine (engine/engine.ts). One list of steps is one frame's part of a
// locator; a frameLocator starts the next frame's list.

/** A string (case-insensitive substring, whitespace-normalized; exact: whole and case-sensitive) or a regex. */
export interface TextMatch {
  text?: string;
  exact?: boolean;
  regex?: { source: string; flags: string };
}

export type Step =
  | { kind: 'css'; css: string }
  | { kind: 'role'; role: string; name?: TextMatch; level?: number; includeHidden?: boolean }
  | { kind: 'text'; match: TextMatch }
  | { kind: 'label'; match: TextMatch }
  | { kind: 'testid'; id: string }
  | { kind: 'hasText'; match: TextMatch }
  | { kind: 'hasNotText'; match: TextMatch }
  | { kind: 'has'; steps: Step[] }
  | { kind: 'nth'; index: number }
  | { kind: 'visible'; visible: boolean };

export function textMatch(value: string | RegExp, exact = false): TextMatch {
  return value instanceof RegExp ? { regex: { source: value.source, flags: value.flags } } : { text: value, exact };
}

export function describeSteps(steps: Step[]): string {
  return steps
    .map((s) => {
      switch (s.kind) {
        case 'css':
          return `locator(${JSON.stringify(s.css)})`;
        case 'role':
          return `getByRole(${JSON.stringify(s.role)}${s.name ? `, { name: ${showMatch(s.name)} }` : ''})`;
        case 'text':
          return `getByText(${showMatch(s.match)})`;
        case 'label':
          return `getByLabel(${showMatch(s.match)})`;
        case 'testid':
          return `getByTestId(${JSON.stringify(s.id)})`;
        case 'hasText':
          return `filter({ hasText: ${showMatch(s.match)} })`;
        case 'hasNotText':
          return `filter({ hasNotText: ${showMatch(s.match)} })`;
        case 'has':
          return `filter({ has: ${describeSteps(s.steps)} })`;
        case 'nth':
          return `nth(${s.index})`;
        case 'visible':
          return `filter({ visible: ${s.visible} })`;
      }
    })
    .join('.');
}

const showMatch = (m: TextMatch) => (m.regex ? `/${m.regex.source}/${m.regex.flags}` : JSON.stringify(m.text) + (m.exact ? ' (exact)' : ''));
