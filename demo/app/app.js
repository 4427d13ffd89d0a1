// Northwind CRM: a fake internal app that behaves like the real ones Alongside runs on. It is a host
// page we do not control, on purpose: a history-API router (pushState, replaceState, popstate,
// intercepted links), query strings that matter and one that does not (`session`, added to account
// pages like an analytics script would), aggressive global CSS (styles.css) and global keyboard
// shortcuts that would steal keystrokes typed into a careless overlay.
//
// For tests: `window.__northwind.keyLog` lists every keydown/keyup that reached the document, and
// `window.__northwind.navigations` every route the router rendered. `window.__northwind.release('next')`
// switches to the app's "next release" (kept in localStorage; 'current' switches back): the account
// page's actions get build-hashed class names, an extra wrapper and a new order, as a real release
// would do to the elements tips are pinned to.
import { accountById, accounts, money, ordersOf, owners, ticketById, tickets } from './data.js';

const RELEASE_KEY = 'northwind.release';
const nextRelease = () => localStorage.getItem(RELEASE_KEY) === 'next';
const hooks = {
  keyLog: [],
  navigations: [],
  release(name) {
    if (name === 'next') localStorage.setItem(RELEASE_KEY, 'next');
    else localStorage.removeItem(RELEASE_KEY);
    render();
  },
};
window.__northwind = hooks;

const esc = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const view = document.getElementById('view');

// ---------------------------------------------------------------------------------------------
// Router

const routes = [
  { path: /^\/$/, nav: 'dashboard', render: dashboard },
  { path: /^\/accounts$/, nav: 'accounts', render: accountList },
  { path: /^\/accounts\/(\d+)$/, nav: 'accounts', render: accountDetail },
  { path: /^\/accounts\/(\d+)\/orders$/, nav: 'accounts', render: accountOrders },
  { path: /^\/tickets$/, nav: 'tickets', render: ticketList },
  { path: /^\/tickets\/(\d+)$/, nav: 'tickets', render: ticketDetail },
  { path: /^\/settings$/, nav: 'settings', render: settings },
];

function render() {
  const url = new URL(location.href);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  let page = { title: 'Not found', html: notFound() };
  let nav = '';
  for (const route of routes) {
    const m = path.match(route.path);
    if (!m) continue;
    page = route.render(url.searchParams, ...m.slice(1)) ?? { title: 'Not found', html: notFound() };
    nav = route.nav;
    break;
  }
  view.innerHTML = page.html;
  document.title = `${page.title} · Northwind CRM`;
  for (const link of document.querySelectorAll('.nw-sidenav a')) {
    link.classList.toggle('is-active', link.dataset.nav === nav);
  }
  page.mount?.();
  hooks.navigations.push(location.pathname + location.search);
  window.scrollTo(0, 0);
}

/** Goes to an in-app URL the way SPA routers do: history entry first, then render. */
function navigate(href, { replace = false } = {}) {
  const url = new URL(href, location.href);
  if (url.href === location.href && !replace) return;
  history[replace ? 'replaceState' : 'pushState']({ at: Date.now() }, '', url);
  render();
}

/** Changes only the query string of the current page (sorting, filtering): no new history entry. */
function setQuery(changes) {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  navigate(url.href, { replace: true });
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href);
  // /legacy/ is a separate (hash-routed) app: let the browser load it.
  if (url.origin !== location.origin || url.pathname.startsWith('/legacy')) return;
  event.preventDefault();
  navigate(url.href);
});
window.addEventListener('popstate', render);

// ---------------------------------------------------------------------------------------------
// Pages

function notFound() {
  return `<section class="nw-empty"><h1>Page not found</h1><p>There is nothing at <code>${esc(location.pathname)}</code>.</p>
    <p><a href="/">Back to the dashboard</a></p></section>`;
}

const statusLabel = { active: 'Active', 'at-risk': 'At risk', churned: 'Churned', prospect: 'Prospect' };
const badge = (status) => `<span class="nw-badge nw-badge--${esc(status.toLowerCase())}">${esc(statusLabel[status] ?? status)}</span>`;
const initials = (name) => name.split(' ').map((p) => p[0]).join('').slice(0, 2);
const avatar = (name) => `<span class="nw-avatar" title="${esc(name)}">${esc(initials(name))}</span>`;

function dashboard() {
  const active = accounts.filter((a) => a.status === 'active');
  const arr = accounts.reduce((sum, a) => sum + a.arr, 0);
  const open = tickets.filter((t) => t.status === 'open');
  const overdue = accounts.flatMap((a) => ordersOf(a).filter((o) => o.status === 'Overdue'));
  const renewals = accounts
    .filter((a) => a.status !== 'churned' && a.renewal < '2027-02-01')
    .sort((a, b) => a.renewal.localeCompare(b.renewal));
  const card = (label, value, hint, href) => `
    <a class="nw-card nw-stat" href="${href}">
      <span class="nw-stat__label">${label}</span>
      <strong class="nw-stat__value">${value}</strong>
      <span class="nw-stat__hint">${hint}</span>
    </a>`;
  return {
    title: 'Dashboard',
    html: `
      <header class="nw-pagehead">
        <div><h1>Good morning, Hannah</h1><p class="nw-muted">Monday 23 November · EMEA sales</p></div>
        <a class="nw-btn nw-btn--primary" href="/accounts?tab=open&amp;sort=-arr">Review open accounts</a>
      </header>
      <div class="nw-stats">
        ${card('Active accounts', active.length, `${accounts.length} in total`, '/accounts?tab=open')}
        ${card('Annual recurring revenue', money(arr), '+4.2% this quarter', '/accounts?sort=-arr')}
        ${card('Open tickets', open.length, `${tickets.filter((t) => t.priority === 'Urgent').length} urgent`, '/tickets?status=open&amp;utm_source=dashboard&amp;utm_medium=card')}
        ${card('Overdue invoices', overdue.length, money(overdue.reduce((s, o) => s + o.amount, 0)), '/accounts?tab=at-risk')}
      </div>
      <div class="nw-grid2">
        <section class="nw-card">
          <h2>Renewals due soon</h2>
          <table class="nw-table">
            <thead><tr><th>Account</th><th>Owner</th><th>Renewal</th><th class="num">ARR</th></tr></thead>
            <tbody>${renewals
              .map((a) => `<tr><td><a href="/accounts/${a.id}">${esc(a.name)}</a> ${badge(a.status)}</td><td>${esc(a.owner)}</td><td class="date">${a.renewal}</td><td class="num">${money(a.arr)}</td></tr>`)
              .join('')}</tbody>
          </table>
        </section>
        <section class="nw-card">
          <h2>Recent activity</h2>
          <ul class="nw-feed">
            <li>${avatar('Priya Raman')}<div><b>Priya Raman</b> sent an invoice to <a href="/accounts/1001">Acme Logistics</a><span class="nw-muted">12 min ago</span></div></li>
            <li>${avatar('Tomás Ferreira')}<div><b>Tomás Ferreira</b> escalated <a href="/tickets/4203">#4203 SSO login loops</a><span class="nw-muted">40 min ago</span></div></li>
            <li>${avatar('Sofia Lindqvist')}<div><b>Sofia Lindqvist</b> flagged <a href="/accounts/1003">Cobalt Health</a> as at risk<span class="nw-muted">2 h ago</span></div></li>
            <li>${avatar('Jonas Weber')}<div><b>Jonas Weber</b> merged a duplicate of <a href="/accounts/1012">Lumen Media</a><span class="nw-muted">yesterday</span></div></li>
            <li>${avatar('Hannah Cho')}<div><b>Hannah Cho</b> updated payment terms for <a href="/accounts/1011">Kestrel Aviation</a><span class="nw-muted">yesterday</span></div></li>
          </ul>
        </section>
      </div>`,
  };
}

const accountTabs = [
  ['all', 'All'],
  ['open', 'Active'],
  ['at-risk', 'At risk'],
  ['prospects', 'Prospects'],
  ['churned', 'Churned'],
];
const tabFilter = {
  all: () => true,
  open: (a) => a.status === 'active',
  'at-risk': (a) => a.status === 'at-risk',
  prospects: (a) => a.status === 'prospect',
  churned: (a) => a.status === 'churned',
};
const sortKeys = { name: 'name', owner: 'owner', arr: 'arr', renewal: 'renewal', industry: 'industry' };

function accountList(params) {
  const tab = tabFilter[params.get('tab') ?? ''] ? params.get('tab') : 'all';
  const sort = params.get('sort') ?? 'name';
  const key = sortKeys[sort.replace(/^-/, '')] ?? 'name';
  const dir = sort.startsWith('-') ? -1 : 1;
  const q = (params.get('q') ?? '').trim().toLowerCase();
  const industry = params.get('industry') ?? '';
  const list = accounts
    .filter(tabFilter[tab])
    .filter((a) => !industry || a.industry === industry)
    .filter((a) => !q || `${a.name} ${a.industry} ${a.city} ${a.owner}`.toLowerCase().includes(q))
    .sort((a, b) => (typeof a[key] === 'number' ? a[key] - b[key] : String(a[key]).localeCompare(String(b[key]))) * dir);
  const th = (label, k, cls = '') => {
    const current = key === k ? (dir === 1 ? 'ascending' : 'descending') : 'none';
    return `<th class="${cls}" aria-sort="${current}"><button class="nw-sort" data-sort="${k}">${label}<span aria-hidden="true">${current === 'ascending' ? '▲' : current === 'descending' ? '▼' : '↕'}</span></button></th>`;
  };
  return {
    title: 'Accounts',
    html: `
      <header class="nw-pagehead">
        <div><h1>Accounts</h1><p class="nw-muted">${list.length} of ${accounts.length} accounts</p></div>
        <button class="nw-btn nw-btn--primary" data-testid="new-account">+ New account</button>
      </header>
      <nav class="nw-tabs" aria-label="Account status">
        ${accountTabs.map(([value, label]) => `<a href="/accounts?tab=${value}${sort !== 'name' ? `&amp;sort=${esc(sort)}` : ''}" class="${value === tab ? 'is-active' : ''}">${label}<span class="nw-count">${accounts.filter(tabFilter[value]).length}</span></a>`).join('')}
      </nav>
      <section class="nw-card nw-card--flush">
        <div class="nw-toolbar">
          <input class="nw-input" id="account-filter" type="search" placeholder="Filter by name, industry, city or owner" value="${esc(params.get('q') ?? '')}" aria-label="Filter accounts">
          <select class="nw-input nw-input--narrow" name="industry" aria-label="Industry"><option value="">All industries</option>${[...new Set(accounts.map((a) => a.industry))].sort().map((i) => `<option${i === industry ? ' selected' : ''}>${esc(i)}</option>`).join('')}</select>
        </div>
        <table class="nw-table nw-table--hover" data-testid="accounts-table">
          <thead><tr>${th('Account', 'name')}${th('Industry', 'industry')}<th>Status</th>${th('Owner', 'owner')}${th('Renewal', 'renewal')}${th('ARR', 'arr', 'num')}</tr></thead>
          <tbody>${
            list
              .map((a) => `<tr data-id="${a.id}"><td><a href="/accounts/${a.id}">${esc(a.name)}</a><div class="nw-muted nw-small">${esc(a.city)}, ${a.country}</div></td><td>${esc(a.industry)}</td><td>${badge(a.status)}</td><td>${avatar(a.owner)} ${esc(a.owner)}</td><td class="date">${a.renewal}</td><td class="num">${money(a.arr)}</td></tr>`)
              .join('') || `<tr><td colspan="6" class="nw-muted">No accounts match “${esc(q)}”.</td></tr>`
          }</tbody>
        </table>
      </section>`,
    mount() {
      for (const button of view.querySelectorAll('.nw-sort')) {
        button.addEventListener('click', () => {
          const k = button.dataset.sort;
          setQuery({ sort: k === key && dir === 1 ? `-${k}` : k });
        });
      }
      const select = view.querySelector('select[name="industry"]');
      select.addEventListener('change', () => setQuery({ industry: select.value }));
      const filter = view.querySelector('#account-filter');
      filter.addEventListener('input', () => {
        setQuery({ q: filter.value });
        const again = view.querySelector('#account-filter');
        again.focus();
        again.setSelectionRange(again.value.length, again.value.length);
      });
    },
  };
}

function accountHeader(a, active) {
  const orders = ordersOf(a);
  return `
    <nav class="nw-crumbs"><a href="/accounts">Accounts</a><span>/</span>${esc(a.name)}</nav>
    <header class="nw-pagehead">
      <div class="nw-titlerow">
        <span class="nw-logo-tile">${esc(initials(a.name))}</span>
        <div><h1>${esc(a.name)} ${badge(a.status)}</h1><p class="nw-muted">#${a.id} · ${esc(a.industry)} · ${esc(a.tier)} · ${esc(a.city)}, ${a.country}</p></div>
      </div>
      ${nextRelease() ? nextActions() : `<div class="nw-actions">
        <button type="submit" form="account-form" class="nw-btn nw-btn--primary" id="save-account" data-testid="save-account">Save</button>
        <button type="button" class="nw-btn" data-testid="send-invoice">Send invoice</button>
        <button type="button" class="nw-btn nw-btn--danger" data-action="merge">Merge account</button>
        <button type="button" class="nw-btn nw-btn--ghost" aria-label="More actions">⋯</button>
      </div>`}
    </header>
    <nav class="nw-tabs">
      <a href="/accounts/${a.id}" class="${active === 'overview' ? 'is-active' : ''}">Overview</a>
      <a href="/accounts/${a.id}/orders" class="${active === 'orders' ? 'is-active' : ''}">Orders<span class="nw-count">${orders.length}</span></a>
      <a href="/tickets?account=${a.id}">Tickets<span class="nw-count">${tickets.filter((t) => t.account.id === a.id).length}</span></a>
    </nav>`;
}

/** The next release's account actions: hashed classes, a wrapper, another order; same behaviour. */
function nextActions() {
  return `<div class="nw-actions Toolbar_root__k3J9x">
        <div class="Toolbar_group__Qw7e2 nw-actions">
          <button type="button" class="nw-btn nw-btn--danger css-1q9xk3b" data-action="merge">Merge account</button>
          <button type="button" class="nw-btn css-8fz2lw" data-testid="send-invoice">Send invoice</button>
        </div>
        <button type="submit" form="account-form" class="nw-btn nw-btn--primary css-0v7h2q" id="save-account" data-testid="save-account">Save</button>
        <button type="button" class="nw-btn nw-btn--ghost css-2mdl1x" aria-label="More actions">⋯</button>
      </div>`;
}

function wireAccountActions(a) {
  view.querySelector('[data-testid="send-invoice"]').addEventListener('click', () => toast(`Invoice sent to ${a.billingEmail}`));
  view.querySelector('[data-action="merge"]').addEventListener('click', () =>
    openModal(`
      <h2>Merge ${esc(a.name)} into…</h2>
      <p class="nw-muted">Orders, tickets and contacts move to the account you pick. This cannot be undone.</p>
      <select class="nw-input" id="merge-target">${accounts.filter((b) => b.id !== a.id).map((b) => `<option value="${b.id}">${esc(b.name)} (#${b.id})</option>`).join('')}</select>
      <div class="nw-actions nw-actions--end"><button class="nw-btn" data-close>Cancel</button><button class="nw-btn nw-btn--danger" data-close data-testid="confirm-merge">Merge</button></div>`),
  );
}

function accountDetail(_params, id) {
  const a = accountById(id);
  if (!a) return undefined;
  const option = (values, current) => values.map((v) => `<option${v === current ? ' selected' : ''}>${esc(v)}</option>`).join('');
  const orders = ordersOf(a).slice(0, 3);
  return {
    title: a.name,
    html: `
      ${accountHeader(a, 'overview')}
      <div class="nw-grid2 nw-grid2--wide">
        <form class="nw-card nw-form" id="account-form" novalidate>
          <h2>Account details</h2>
          <div class="nw-fields">
            <label>Account name<input class="nw-input" id="account-name" name="name" value="${esc(a.name)}" required></label>
            <label>Industry<select class="nw-input" name="industry">${option([...new Set(accounts.map((x) => x.industry))].sort(), a.industry)}</select></label>
            <label>Tier<select class="nw-input" name="tier">${option(['Starter', 'Growth', 'Enterprise'], a.tier)}</select></label>
            <label>Account owner<select class="nw-input" name="owner" data-testid="account-owner">${option(owners, a.owner)}</select></label>
            <label>Billing email<input class="nw-input" type="email" name="billingEmail" value="${esc(a.billingEmail)}"></label>
            <label>Phone<input class="nw-input" type="tel" name="phone" value="${esc(a.phone)}"></label>
            <label>Payment terms<select class="nw-input" id="payment-terms" name="terms">${option(['Due on receipt', 'Net 30', 'Net 45', 'Net 60'], a.terms)}</select></label>
            <label>Renewal date<input class="nw-input" type="date" name="renewal" value="${a.renewal}"></label>
          </div>
          <label class="nw-check"><input type="checkbox" class="nw-checkbox" name="taxExempt"${a.taxExempt ? ' checked' : ''}> Tax exempt (a certificate must be on file)</label>
          <label>Internal notes<textarea class="nw-input" name="notes" rows="4" data-testid="account-notes" placeholder="Visible to everyone at Northwind">Primary contact prefers email. Quarterly business review in January.</textarea></label>
        </form>
        <div class="nw-stack">
          <section class="nw-card">
            <h2>At a glance</h2>
            <dl class="nw-dl">
              <dt>ARR</dt><dd>${money(a.arr)}</dd>
              <dt>Renewal</dt><dd>${a.renewal}</dd>
              <dt>Owner</dt><dd>${avatar(a.owner)} ${esc(a.owner)}</dd>
              <dt>Main contact</dt><dd>${esc(a.contact)}<br><a href="mailto:${esc(a.email)}">${esc(a.email)}</a></dd>
              <dt>Payment terms</dt><dd>${esc(a.terms)}</dd>
            </dl>
          </section>
          <section class="nw-card">
            <h2>Latest orders <a class="nw-small" href="/accounts/${a.id}/orders">View all</a></h2>
            ${orders.length ? `<ul class="nw-list">${orders.map((o) => `<li><span>${o.id}<span class="nw-muted nw-small"> · ${o.date}</span></span><span>${money(o.amount)} <span class="nw-pill nw-pill--${o.status.toLowerCase()}">${o.status}</span></span></li>`).join('')}</ul>` : '<p class="nw-muted">No orders yet.</p>'}
          </section>
        </div>
      </div>`,
    mount() {
      // Like many analytics-heavy apps, tag the URL with a per-tab session id. It identifies nothing
      // about the page: the site rules must strip it from the page key.
      const url = new URL(location.href);
      if (!url.searchParams.has('session')) {
        url.searchParams.set('session', sessionId());
        history.replaceState(history.state, '', url);
      }
      wireAccountActions(a);
      view.querySelector('#account-form').addEventListener('submit', (event) => {
        event.preventDefault();
        toast('Account saved');
      });
    },
  };
}

function accountOrders(params, id) {
  const a = accountById(id);
  if (!a) return undefined;
  const status = params.get('status') ?? 'all';
  const all = ordersOf(a);
  const list = all.filter((o) => status === 'all' || o.status.toLowerCase() === status);
  const statuses = ['all', 'paid', 'invoiced', 'overdue', 'draft'];
  return {
    title: `${a.name} · Orders`,
    html: `
      ${accountHeader(a, 'orders')}
      <section class="nw-card nw-card--flush">
        <div class="nw-toolbar">
          <div class="nw-segmented" role="group" aria-label="Order status">${statuses.map((s) => `<a href="/accounts/${a.id}/orders${s === 'all' ? '' : `?status=${s}`}" class="${s === status ? 'is-active' : ''}">${s[0].toUpperCase() + s.slice(1)}</a>`).join('')}</div>
          <span class="nw-muted">${list.length} orders · ${money(list.reduce((s, o) => s + o.amount, 0))}</span>
        </div>
        <table class="nw-table" id="orders-table">
          <thead><tr><th>Order</th><th>Date</th><th>Product</th><th class="num">Qty</th><th class="num">Amount</th><th>Status</th><th></th></tr></thead>
          <tbody>${list.map((o) => `<tr><td><b>${o.id}</b></td><td class="date">${o.date}</td><td>${esc(o.product)}</td><td class="num">${o.quantity}</td><td class="num">${money(o.amount)}</td><td><span class="nw-pill nw-pill--${o.status.toLowerCase()}">${o.status}</span></td><td class="num"><button class="nw-link" data-order="${o.id}">Download PDF</button></td></tr>`).join('') || '<tr><td colspan="7" class="nw-muted">No orders.</td></tr>'}</tbody>
        </table>
      </section>`,
    mount() {
      wireAccountActions(a);
      for (const b of view.querySelectorAll('[data-order]')) b.addEventListener('click', () => toast(`${b.dataset.order}.pdf downloaded`));
    },
  };
}

function ticketList(params) {
  const status = params.get('status') ?? 'all';
  const account = params.get('account');
  const list = tickets.filter((t) => (status === 'all' || t.status === status) && (!account || t.account.id === account));
  const statuses = ['all', 'open', 'pending', 'solved'];
  return {
    title: 'Tickets',
    html: `
      <header class="nw-pagehead"><div><h1>Support tickets</h1><p class="nw-muted">${list.length} tickets${account ? ` for ${esc(accountById(account)?.name ?? account)}` : ''}</p></div>
        <button class="nw-btn nw-btn--primary">+ New ticket</button></header>
      <nav class="nw-tabs">${statuses.map((s) => `<a href="/tickets?status=${s}" class="${s === status ? 'is-active' : ''}">${s[0].toUpperCase() + s.slice(1)}<span class="nw-count">${tickets.filter((t) => s === 'all' || t.status === s).length}</span></a>`).join('')}</nav>
      <section class="nw-card nw-card--flush">
        <table class="nw-table nw-table--hover">
          <thead><tr><th>#</th><th>Subject</th><th>Account</th><th>Priority</th><th>Status</th><th>Assignee</th><th>Created</th></tr></thead>
          <tbody>${list.map((t) => `<tr><td class="nw-muted">${t.id}</td><td><a href="/tickets/${t.id}">${esc(t.subject)}</a><div class="nw-small nw-muted">${esc(t.category)}</div></td><td><a href="/accounts/${t.account.id}">${esc(t.account.name)}</a></td><td><span class="nw-prio nw-prio--${t.priority.toLowerCase()}">${t.priority}</span></td><td>${badge(t.status)}</td><td>${avatar(t.assignee)} ${esc(t.assignee)}</td><td class="date">${t.created}</td></tr>`).join('') || '<tr><td colspan="7" class="nw-muted">No tickets.</td></tr>'}</tbody>
        </table>
      </section>`,
  };
}

function ticketDetail(_params, id) {
  const t = ticketById(id);
  if (!t) return undefined;
  return {
    title: `#${t.id} ${t.subject}`,
    html: `
      <nav class="nw-crumbs"><a href="/tickets">Tickets</a><span>/</span>#${t.id}</nav>
      <header class="nw-pagehead">
        <div><h1>${esc(t.subject)}</h1><p class="nw-muted">#${t.id} · ${esc(t.category)} · opened ${t.created} by ${esc(t.account.contact)} (<a href="/accounts/${t.account.id}">${esc(t.account.name)}</a>)</p></div>
        <div class="nw-actions">
          <button class="nw-btn" data-testid="escalate-ticket">Escalate</button>
          <button class="nw-btn nw-btn--primary" id="resolve-ticket">Resolve ticket</button>
        </div>
      </header>
      <div class="nw-grid2 nw-grid2--wide">
        <div class="nw-stack">
          <section class="nw-card nw-thread">
            ${t.messages.map((m) => `<article class="nw-message${owners.includes(m.from) ? ' nw-message--agent' : ''}">${avatar(m.from)}<div><header><b>${esc(m.from)}</b><span class="nw-muted nw-small">${t.created} ${m.at}</span></header><p>${esc(m.text)}</p></div></article>`).join('')}
          </section>
          <form class="nw-card nw-form" id="reply-form">
            <label>Reply to ${esc(t.account.contact)}<textarea class="nw-input" name="reply" rows="4" placeholder="Write a reply… (Markdown supported)"></textarea></label>
            <div class="nw-actions nw-actions--end"><label class="nw-check"><input type="checkbox" class="nw-checkbox" name="internal"> Internal note</label><button class="nw-btn nw-btn--primary" data-testid="send-reply">Send reply</button></div>
          </form>
        </div>
        <section class="nw-card nw-form">
          <h2>Properties</h2>
          <label>Status<select class="nw-input" name="status">${['open', 'pending', 'solved'].map((s) => `<option${s === t.status ? ' selected' : ''}>${s}</option>`).join('')}</select></label>
          <label>Priority<select class="nw-input" name="priority" id="ticket-priority">${['Low', 'Normal', 'High', 'Urgent'].map((p) => `<option${p === t.priority ? ' selected' : ''}>${p}</option>`).join('')}</select></label>
          <label>Assignee<select class="nw-input" name="assignee">${owners.map((o) => `<option${o === t.assignee ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select></label>
          <label>Tags<input class="nw-input" name="tags" value="${esc(t.category.toLowerCase())}, emea"></label>
        </section>
      </div>`,
    mount() {
      view.querySelector('#reply-form').addEventListener('submit', (event) => {
        event.preventDefault();
        toast('Reply sent');
      });
      view.querySelector('#resolve-ticket').addEventListener('click', () => toast(`Ticket #${t.id} resolved`));
      view.querySelector('[data-testid="escalate-ticket"]').addEventListener('click', () => toast('Escalated to the on-call engineer'));
    },
  };
}

function settings(params) {
  const section = ['profile', 'notifications', 'security'].includes(params.get('section') ?? '') ? params.get('section') : 'profile';
  const bodies = {
    profile: `
      <div class="nw-fields">
        <label>Display name<input class="nw-input" name="displayName" value="Hannah Cho"></label>
        <label>Work email<input class="nw-input" type="email" name="email" value="hannah.cho@northwind.example"></label>
        <label>Time zone<select class="nw-input" name="tz"><option>Europe/London</option><option selected>Europe/Berlin</option><option>Europe/Lisbon</option></select></label>
        <label>Language<select class="nw-input" name="lang"><option selected>English (UK)</option><option>Deutsch</option><option>Français</option></select></label>
      </div>
      <label>Email signature<textarea class="nw-input" name="signature" rows="3">Hannah Cho · Account Executive, EMEA · Northwind</textarea></label>`,
    notifications: `
      <label class="nw-check"><input type="checkbox" class="nw-checkbox" name="n1" checked> A ticket on one of my accounts is opened</label>
      <label class="nw-check"><input type="checkbox" class="nw-checkbox" name="n2" checked> An invoice becomes overdue</label>
      <label class="nw-check"><input type="checkbox" class="nw-checkbox" name="n3"> Weekly pipeline digest</label>
      <label>Deliver to<select class="nw-input" name="channel"><option>Email</option><option selected>Email and mobile push</option><option>Mobile push only</option></select></label>`,
    security: `
      <div class="nw-fields">
        <label>Current password<input class="nw-input" type="password" name="current" autocomplete="current-password"></label>
        <label>New password<input class="nw-input" type="password" name="next" autocomplete="new-password"></label>
      </div>
      <label class="nw-check"><input type="checkbox" class="nw-checkbox" name="mfa" checked> Require two-factor authentication</label>`,
  };
  return {
    title: 'Settings',
    html: `
      <header class="nw-pagehead"><div><h1>Settings</h1><p class="nw-muted">Your profile and preferences</p></div></header>
      <nav class="nw-tabs">${Object.keys(bodies).map((s) => `<a href="/settings?section=${s}" class="${s === section ? 'is-active' : ''}">${s[0].toUpperCase() + s.slice(1)}</a>`).join('')}</nav>
      <form class="nw-card nw-form nw-narrow" id="settings-form">
        ${bodies[section]}
        <div class="nw-actions nw-actions--end"><button type="reset" class="nw-btn">Reset</button><button class="nw-btn nw-btn--primary" data-testid="save-settings">Save settings</button></div>
      </form>`,
    mount() {
      view.querySelector('#settings-form').addEventListener('submit', (event) => {
        event.preventDefault();
        toast('Settings saved');
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chrome: search, toasts, modal, chat bubble, keyboard shortcuts

function sessionId() {
  let id = sessionStorage.getItem('nw-session');
  if (!id) {
    id = Math.random().toString(36).slice(2, 10);
    sessionStorage.setItem('nw-session', id);
  }
  return id;
}

let toastTimer = 0;
function toast(text) {
  const el = document.getElementById('nw-toast');
  el.textContent = text;
  el.classList.add('is-shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('is-shown'), 2600);
}

function openModal(html) {
  const modal = document.getElementById('nw-modal');
  modal.querySelector('.nw-modal__body').innerHTML = html;
  modal.hidden = false;
  modal.querySelector('button, select, input')?.focus();
}
function closeModal() {
  document.getElementById('nw-modal').hidden = true;
}
document.getElementById('nw-modal').addEventListener('click', (event) => {
  if (event.target === event.currentTarget || (event.target instanceof Element && event.target.closest('[data-close]'))) closeModal();
});

const search = document.getElementById('global-search');
search.closest('form').addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(`/accounts?q=${encodeURIComponent(search.value.trim())}`);
  search.blur();
});

const chat = document.getElementById('nw-chat');
document.getElementById('nw-chat-bubble').addEventListener('click', () => {
  chat.hidden = !chat.hidden;
});

const helpHtml = `
  <h2>Keyboard shortcuts</h2>
  <table class="nw-table nw-keys"><tbody>
    <tr><td><kbd>/</kbd></td><td>Search accounts</td></tr>
    <tr><td><kbd>?</kbd></td><td>Show this help</td></tr>
    <tr><td><kbd>g</kbd> <kbd>d</kbd></td><td>Go to the dashboard</td></tr>
    <tr><td><kbd>g</kbd> <kbd>a</kbd></td><td>Go to accounts</td></tr>
    <tr><td><kbd>g</kbd> <kbd>t</kbd></td><td>Go to tickets</td></tr>
    <tr><td><kbd>Esc</kbd></td><td>Close dialogs</td></tr>
  </tbody></table>
  <div class="nw-actions nw-actions--end"><button class="nw-btn" data-close>Close</button></div>`;

// Global shortcuts the way many apps do them: skip typing in our own fields, act on everything else.
// A keystroke typed into an overlay whose events reach the document lands here (in a shadow root the
// target is retargeted to the host element, which is no input), so a leak shows in keyLog and in the UI.
let pendingG = 0;
const goTo = { d: '/', a: '/accounts', t: '/tickets' };
for (const type of ['keydown', 'keyup']) {
  document.addEventListener(type, (event) => {
    const target = event.target instanceof Element ? event.target : null;
    hooks.keyLog.push({ type, key: event.key, target: target ? target.tagName.toLowerCase() + (target.id ? `#${target.id}` : '') : 'document' });
  });
}
document.addEventListener('keydown', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (event.key === 'Escape') {
    closeModal();
    chat.hidden = true;
    return;
  }
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  if (event.metaKey || event.ctrlKey || event.altKey) return;
  if (event.key === '/') {
    event.preventDefault();
    search.focus();
  } else if (event.key === '?') {
    openModal(helpHtml);
  } else if (event.key === 'g') {
    pendingG = Date.now();
  } else if (Date.now() - pendingG < 1000 && goTo[event.key]) {
    navigate(goTo[event.key]);
    pendingG = 0;
  }
});

render();
