import { useEffect, useRef, useState } from 'preact/hooks';
import type { Expert } from '@shared/contract';
import { sortItems } from '../sort';
import { askingExperts, closePanel, context, drafts, order, page, pendingHere, problem, section, status, view, type Section } from '../store';
import { inboxOpen } from '../focus';
import { startLive } from '../live';
import { ExpertList } from './ExpertList';
import { focusSearch, SearchBar, SearchResults } from './Search';
import { searchText } from '../search';
import { Inbox, InboxButton } from './Inbox';
import { LayoutSwitch } from './LayoutSwitch';
import { NoteCard } from './NoteCard';
import { NoteComposer } from './NoteComposer';
import { PendingList } from './PendingList';
import { QuestionCard } from './QuestionCard';
import { QuestionComposer } from './QuestionComposer';
import { RepinCard } from './RepinCard';
import { TipComposer } from './TipComposer';
import { TipDetail } from './TipDetail';
import { TipsNotFound } from './TipsNotFound';
import { startPinning } from '../tips-actions';
import { focusedTip, target, tipsHere } from '../tips-store';
import { useTipTarget } from '../use-tip-target';
import { Empty, Skeleton } from '@shared/ui/states';
import { tabCounts } from '@shared/text/page-counts';
import { ProblemState } from './States';
import { Shortcuts, ShortcutsButton, shortcutsOpen } from './Shortcuts';
import { WatchToggle } from './WatchToggle';

/** The page's experts, the one asked by name first ("Ask Ben"). */
const firstOf = (experts: Expert[], first: string | null) => [...experts].sort((a, b) => Number(b.user.id === first) - Number(a.user.id === first));

const pathOf = (pageKey: string) => {
  const u = new URL(pageKey);
  return `${u.pathname}${u.search}${u.hash}`;
};

function Tabs() {
  const ctx = context.value;
  // The same counts as the launcher's, in its words (shared/text/page-counts).
  const counts = ctx ? tabCounts(ctx.counts) : null;
  const tabs: Array<[Section, string, string]> = [
    ['notes', 'Notes', counts?.notes ?? ''],
    ['questions', 'Questions', counts?.questions ?? ''],
    ['experts', 'Experts', ctx?.experts.length ? String(ctx.experts.length) : ''],
  ];
  return (
    <div class="tabs" role="tablist" aria-label="Sections">
      {tabs.map(([id, label, count]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`tab-${id}`}
          aria-selected={section.value === id}
          aria-controls="section"
          tabIndex={section.value === id ? 0 : -1}
          onClick={() => (section.value = id)}
          onKeyDown={(e) => {
            const i = tabs.findIndex(([t]) => t === id);
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            const next = tabs[(i + step + tabs.length) % tabs.length]![0];
            section.value = next;
            (e.currentTarget.parentElement?.querySelector(`#tab-${next}`) as HTMLElement | null)?.focus();
          }}
        >
          {label}
          {count && <span class="badge">{count}</span>}
        </button>
      ))}
    </div>
  );
}

function Content() {
  const ctx = context.value!;
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    if (askingExperts.value) setComposing(true);
  }, [askingExperts.value]);
  // A draft waiting for this page opens its composer: what was typed is where it was left.
  useEffect(() => {
    if (section.value === 'experts') return;
    let live = true;
    void drafts.load(ctx.pageKey, section.value === 'notes' ? 'note' : 'question').then((d) => {
      if (live && d) setComposing(true);
    });
    return () => {
      live = false;
    };
  }, [ctx.pageKey, section.value]);
  const finish = () => {
    setComposing(false);
    askingExperts.value = null;
  };
  const s = section.value;
  // Tips: a clicked marker shows its tip; a pick in pin mode opens the tip composer (or re-pin card).
  const missing = tipsHere(ctx.pageKey, 'not-found');
  const offScreen = tipsHere(ctx.pageKey, 'not-on-screen');
  const pick = target.value?.kind === 'pick' && target.value.pick.pageKey === ctx.pageKey ? target.value.pick : null;
  if (s === 'notes' && focusedTip.value) return <TipDetail tipId={focusedTip.value} />;

  if (s === 'experts') {
    return (
      <ExpertList
        experts={ctx.experts}
        onAsk={(first) => {
          askingExperts.value = { first };
          section.value = 'questions';
        }}
      />
    );
  }
  const notes = sortItems(ctx.notes.filter((n) => !missing.has(n.id)), order.value);
  const missingTips = ctx.notes.filter((n) => missing.has(n.id));
  const questions = sortItems(ctx.questions, order.value);
  const empty = s === 'notes' ? notes.length === 0 && missingTips.length === 0 : questions.length === 0;
  return (
    <>
      <div class="toolbar">
        <label class="field-inline">
          <span>Sort</span>
          <select value={order.value} onChange={(e) => (order.value = e.currentTarget.value as 'newest' | 'helpful')}>
            <option value="newest">Newest</option>
            <option value="helpful">Most helpful</option>
          </select>
        </label>
        <div class="actions">
          {s === 'notes' && !pick && (
            <button type="button" class="secondary" title="Point at an element of the page (Alt+Shift+P)" onClick={() => void startPinning(null)}>
              Pin a tip
            </button>
          )}
          {!composing && (
            <button type="button" class="primary" onClick={() => setComposing(true)}>
              {s === 'notes' ? 'Add note' : 'Ask a question'}
            </button>
          )}
        </div>
      </div>
      {s === 'notes' && pick && (pick.repin ? <RepinCard pick={pick} tipId={pick.repin} /> : <TipComposer pick={pick} />)}
      {composing &&
        (s === 'notes' ? (
          <NoteComposer pageKey={ctx.pageKey} onDone={finish} />
        ) : (
          <QuestionComposer pageKey={ctx.pageKey} experts={askingExperts.value ? firstOf(ctx.experts, askingExperts.value.first) : null} onDone={finish} />
        ))}
      {s === 'notes' && <TipsNotFound tips={missingTips} />}
      {empty && !composing ? (
        s === 'notes' ? (
          <Empty title="No notes here yet: be the first" message="Share what a colleague should know on this page." />
        ) : (
          <Empty title="No questions about this page yet" message="Ask, and colleagues who know will answer here." />
        )
      ) : s === 'notes' ? (
        <div class="list">{notes.map((n) => <NoteCard key={n.id} note={n} offScreen={offScreen.has(n.id)} />)}</div>
      ) : (
        <div class="list">{questions.map((q) => <QuestionCard key={q.id} summary={q} pageKey={ctx.pageKey} />)}</div>
      )}
    </>
  );
}

export function App() {
  const heading = useRef<HTMLHeadingElement>(null);
  useTipTarget();
  useEffect(() => {
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closePanel();
      // `/` searches, as in most apps, unless it is typed into a field.
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        focusSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    const stopLive = startLive();
    return () => {
      window.removeEventListener('keydown', onKey);
      stopLive();
    };
  }, []);

  const ctx = context.value;
  const current = page.value;
  const title = current ? (current.screen ?? 'This page') : 'Alongside';
  const searching = searchText.value.trim() !== '';
  return (
    <div class="app">
      <header class="top">
        <div class="top-text">
          <h1 ref={heading} tabIndex={-1}>{title}</h1>
          {current && <p class="muted where" title={current.pageKey}>{current.site.name} · {pathOf(current.pageKey)}</p>}
          {view.value === 'ready' && ctx && <WatchToggle pageKey={ctx.pageKey} screen={ctx.screen} siteId={ctx.site.id} />}
        </div>
        {view.value === 'ready' && <InboxButton />}
        <LayoutSwitch />
        <ShortcutsButton />
        <button type="button" class="icon" aria-label="Close the panel (Escape)" onClick={closePanel}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18" /></svg>
        </button>
      </header>
      {view.value === 'ready' && !inboxOpen.value && !shortcutsOpen.value && <SearchBar />}
      {view.value === 'ready' && !inboxOpen.value && !shortcutsOpen.value && !searching && <Tabs />}
      <main aria-busy={view.value === 'loading'}>
        {shortcutsOpen.value && <Shortcuts />}
        <PendingList items={pendingHere.value} />
        {view.value === 'loading' && <Skeleton />}
        {view.value === 'problem' && problem.value && <ProblemState problem={problem.value} />}
        {view.value === 'not-here' && <Empty title="Nothing to show here" message="Alongside runs on the sites you granted in its settings." />}
        {view.value === 'ready' && inboxOpen.value && !shortcutsOpen.value && <Inbox />}
        {view.value === 'ready' && searching && !inboxOpen.value && !shortcutsOpen.value && <SearchResults />}
        {/* Hidden, not removed, while the inbox or search results show: an open composer keeps what was typed. */}
        {view.value === 'ready' && ctx && (
          <div id="section" role="tabpanel" aria-labelledby={`tab-${section.value}`} class="section" hidden={inboxOpen.value || shortcutsOpen.value || searching}>
            <Content />
          </div>
        )}
      </main>
      <div class="sr-only" role="status" aria-live="polite">{status.value}</div>
    </div>
  );
}
