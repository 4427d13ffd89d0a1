// A host app as a framework renders it, under a strict Content-Security-Policy with Trusted Types
// required (served by the suite with those headers): every navigation (history.pushState) throws the
// whole tree away and builds a new one, and the view re-renders each second (a ticking clock; every row
// and button is a new element each time). Markup goes through the app's one Trusted Types policy, as a
// framework's does. What the app itself sees is kept on window.app for the tests: its clicks, its keys,
// and every CSP violation in the page.
const policy = trustedTypes.createPolicy('ledger', { createHTML: (s) => s });
const app = { exports: 0, keys: [], violations: [], renders: 0, mounts: 0 };
window.app = app;
document.addEventListener('securitypolicyviolation', (e) => app.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
document.addEventListener('keydown', (e) => app.keys.push(e.key));

const ACCOUNTS = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries'];
const escape = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function view(path, now) {
  const time = new Date(now).toISOString().slice(11, 19);
  const nav = '<header><strong>Ledger</strong><a href="/app/accounts">Accounts</a><a href="/app/reports">Reports</a>' + `<span class="clock">${time}</span></header>`;
  if (path.startsWith('/app/reports')) return `${nav}<main><h1>Reports</h1><p>Quarterly figures, updated ${time}.</p></main>`;
  const rows = ACCOUNTS.map((name, i) => `<tr><td>${escape(name)}</td><td>${(i + 1) * 1200 + (now % 7)}</td></tr>`).join('');
  return `${nav}<main><h1>Accounts</h1><div class="toolbar"><button type="button" data-action="export">Export ledger</button><input aria-label="Search accounts" /></div><table><thead><tr><th>Account</th><th>Balance</th></tr></thead><tbody>${rows}</tbody></table></main>`;
}

let root = null;
function render() {
  app.renders++;
  root.innerHTML = policy.createHTML(view(location.pathname, Date.now()));
}
function mount() {
  // A remount: the old tree goes, a new root element takes its place.
  app.mounts++;
  const next = document.createElement('div');
  next.id = 'root';
  document.getElementById('root').replaceWith(next);
  root = next;
  render();
}

document.addEventListener('click', (e) => {
  const link = e.target.closest('a[href^="/app/"]');
  if (link) {
    e.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    mount();
    return;
  }
  if (e.target.closest('[data-action="export"]')) app.exports++;
});
window.addEventListener('popstate', mount);
mount();
setInterval(render, 1000);
