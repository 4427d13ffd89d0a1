// What every People sub-page shares: its title and the links between the sub-pages.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { Page } from '../../ui/page';

const tabs = [
  { path: '/people', label: 'People' },
  { path: '/people/teams', label: 'Teams' },
  { path: '/people/invite', label: 'Invite' },
];

export function PeopleFrame(props: { title: string; intro: ComponentChildren; actions?: ComponentChildren; children: ComponentChildren }) {
  const { path } = useLocation();
  return (
    <Page title={props.title} intro={props.intro} actions={props.actions}>
      <nav aria-label="People sections" class="subnav">
        <ul>
          {tabs.map((t) => (
            <li key={t.path}>
              <a href={t.path} aria-current={path === t.path ? 'page' : undefined}>{t.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Page>
  );
}
