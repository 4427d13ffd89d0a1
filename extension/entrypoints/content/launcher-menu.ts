// The launcher's small menu (the "⋯" button, right-click, Shift+F10 or the context-menu key): move it to
// the other edge, hide it on this page or this site. A WAI-ARIA menu button: arrows, Home and End move
// between the items, Escape closes and gives focus back, and leaving it (focus or click elsewhere) closes it.
import { createElement } from '../../host-page/document';

export interface MenuItem {
  id: string;
  label: string;
  run(): void;
}

export interface LauncherMenu {
  element: HTMLElement;
  isOpen(): boolean;
  /** Opens it with these items and focuses the first; focus returns to `returnTo` when it closes with Escape. */
  open(items: MenuItem[], returnTo: HTMLElement): void;
  close(restoreFocus: boolean): void;
}

export function createLauncherMenu(onToggle: (open: boolean) => void): LauncherMenu {
  const menu = createElement('div');
  menu.className = 'menu';
  menu.id = 'alongside-launcher-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Alongside launcher');
  menu.hidden = true;
  let returnTo: HTMLElement | null = null;

  const items = () => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const close = (restoreFocus: boolean) => {
    if (menu.hidden) return;
    menu.hidden = true;
    menu.replaceChildren();
    onToggle(false);
    if (restoreFocus) returnTo?.focus();
  };

  menu.addEventListener('keydown', (e) => {
    const all = items();
    const at = all.indexOf(e.target as HTMLButtonElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (next !== undefined) {
      e.preventDefault();
      all[(next + all.length) % all.length]!.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  });
  // Focus going anywhere outside the menu (a click on the page, Tab) closes it.
  menu.addEventListener('focusout', (e) => {
    if (!menu.contains(e.relatedTarget as Node | null)) close(false);
  });

  return {
    element: menu,
    isOpen: () => !menu.hidden,
    open(list, from) {
      returnTo = from;
      menu.replaceChildren(
        ...list.map((item) => {
          const button = createElement('button');
          button.type = 'button';
          button.setAttribute('role', 'menuitem');
          button.tabIndex = -1;
          button.dataset.item = item.id;
          button.textContent = item.label;
          button.addEventListener('click', (e) => {
            // Its own: it must not reach the launcher as a click on it (the item is gone once closed).
            e.stopPropagation();
            close(false);
            item.run();
          });
          return button;
        }),
      );
      menu.hidden = false;
      onToggle(true);
      items()[0]?.focus();
    },
    close,
  };
}
