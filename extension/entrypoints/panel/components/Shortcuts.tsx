// "Shortcuts and launcher", opened from the panel's header: the extension's shortcuts as the person has
// bound them now (commands.getAll: they can be changed, so nothing here is written in; asked of the
// background, as Firefox gives a framed extension page no `commands`), the keys the
// panel and the launcher know, how to change the shortcuts in this browser, and where the launcher is
// hidden, with "Show again".
import { effect, signal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HiddenList } from '../../../launcher/HiddenList';
import { askBackground, type Shortcut } from '../../../messaging';
import { inboxOpen } from '../focus';
import { page } from '../store';
import './shortcuts.css';

/** The view shows instead of the page's sections (as the inbox does; opening one closes the other). */
export const shortcutsOpen = signal(false);
effect(() => {
  if (inboxOpen.value) shortcutsOpen.value = false;
});

/** Keys that are ours, not the browser's to bind. */
const OWN_KEYS: Array<[string, Array<[string, string]>]> = [
  ['In the panel', [['/', 'Search what colleagues know'], ['Escape', 'In the search field: clear it; elsewhere: close the panel'], ['← →', 'On the section tabs: the next section']]],
  [
    'On the launcher',
    [['Enter', 'Open the panel'], ['Alt + ← →', 'Move it to that edge'], ['Alt + ↑ ↓', 'Move it along the edge'], ['Shift + F10', 'Its options: move, hide on this page or site']],
  ],
];

const CHANGE_HOW = import.meta.env.FIREFOX
  ? 'In Firefox: open about:addons, the gear menu, then Manage Extension Shortcuts.'
  : 'In Chrome: open chrome://extensions/shortcuts.';

function Keys({ keys }: { keys: string }) {
  return <kbd>{keys}</kbd>;
}

export function Shortcuts() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [commands, setCommands] = useState<Shortcut[] | null>(null);
  useEffect(() => {
    heading.current?.focus();
    void askBackground('commands:list', null)
      .catch(() => [])
      .then((all) => setCommands(all.filter((c) => c.name && c.name !== '_execute_action').map((c) => ({ ...c, description: c.description || c.name }))));
  }, []);
  const here = page.value;
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title" ref={heading} tabIndex={-1}>Shortcuts and launcher</h2>
      <h3>Keyboard shortcuts</h3>
      {!commands ? (
        <p class="muted">Reading your shortcuts…</p>
      ) : (
        <dl class="keys" data-testid="commands">
          {commands.map((c) => (
            <div key={c.name}>
              <dt>{c.shortcut ? <Keys keys={c.shortcut} /> : <span class="muted">Not set</span>}</dt>
              <dd>{c.description}</dd>
            </div>
          ))}
        </dl>
      )}
      <p class="muted small">
        Shortcuts work on any page of your apps, also where the launcher is hidden. To set or change them: {CHANGE_HOW}
        {!import.meta.env.FIREFOX && (
          <>
            {' '}
            <button type="button" class="link" onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>
              Open it
            </button>
          </>
        )}
      </p>
      {OWN_KEYS.map(([title, keys]) => (
        <div key={title}>
          <h3>{title}</h3>
          <dl class="keys">
            {keys.map(([k, what]) => (
              <div key={k}>
                <dt><Keys keys={k} /></dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <h3>Hidden launcher</h3>
      <HiddenList here={here ? { pageKey: here.pageKey, origin: here.site.origin } : null} />
    </section>
  );
}

/** The header's way to this view. */
export function ShortcutsButton() {
  return (
    <button
      type="button"
      class="icon"
      aria-pressed={shortcutsOpen.value}
      aria-label="Shortcuts and launcher"
      title="Shortcuts and launcher"
      data-testid="shortcuts-button"
      onClick={() => {
        shortcutsOpen.value = !shortcutsOpen.value;
        if (shortcutsOpen.value) inboxOpen.value = false;
      }}
    >
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
        <rect x="2" y="6" width="20" height="12" rx="2" />
        <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
      </svg>
    </button>
  );
}
