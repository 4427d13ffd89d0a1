import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { sections } from './routes';
import { isAdmin, me, signOut } from './session';

const current = (path: string, section: string) => (section === '/' ? path === '/' : path === section || path.startsWith(`${section}/`));

/** The signed-in console: a skip link, the header with the navigation and the person, the page. */
export function Layout({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { user } = me();
  const shown = sections.filter((s) => !s.admin || isAdmin());
  return (
    <>
      <a class="skip" href="#main">Skip to the page</a>
      <header class="top">
        <a class="brand" href="/">Alongside</a>
        <button type="button" class="ghost menu-button" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <nav id="nav" aria-label="Console" class={menuOpen ? 'open' : ''}>
          <ul>
            {shown.map((s) => (
              <li key={s.path}>
                <a href={s.path} aria-current={current(path, s.path) ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who">
          <span class="muted" title={user.email}>
            {user.name} · {user.role}
          </span>
          <button type="button" class="ghost" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
