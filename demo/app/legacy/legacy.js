// The classic reports module: a hash-routed app (`/legacy/#/reports/7`), the kind of older screen an
// organisation keeps next to its rewrite. Routes: #/reports, #/reports/:id, #/audit.
const reports = [
  { id: 1, name: 'Pipeline by stage', owner: 'Priya Raman', schedule: 'Weekly', regions: [42, 35, 28, 19] },
  { id: 2, name: 'Churn by industry', owner: 'Sofia Lindqvist', schedule: 'Monthly', regions: [8, 12, 5, 9] },
  { id: 3, name: 'Ticket backlog', owner: 'Tomás Ferreira', schedule: 'Daily', regions: [31, 22, 40, 17] },
  { id: 4, name: 'Invoices overdue', owner: 'Hannah Cho', schedule: 'Weekly', regions: [14, 9, 21, 6] },
  { id: 5, name: 'Seat utilisation', owner: 'Jonas Weber', schedule: 'Monthly', regions: [77, 64, 81, 58] },
  { id: 6, name: 'Renewals next quarter', owner: 'Marcus Oyelaran', schedule: 'Weekly', regions: [12, 18, 7, 11] },
  { id: 7, name: 'Revenue by region (Q3)', owner: 'Priya Raman', schedule: 'Quarterly', regions: [1840, 1320, 960, 610] },
  { id: 8, name: 'Support satisfaction', owner: 'Hannah Cho', schedule: 'Monthly', regions: [92, 88, 95, 90] },
];
const regions = ['DACH', 'Benelux', 'Nordics', 'Iberia'];
const body = document.getElementById('lg-body');

function render() {
  const route = location.hash.replace(/^#/, '') || '/reports';
  let m;
  let section = 'reports';
  if ((m = route.match(/^\/reports\/(\d+)$/))) {
    const r = reports.find((x) => x.id === Number(m[1]));
    body.innerHTML = r
      ? `<h2>${r.name}</h2><p class="sub">Report #${r.id} · owner ${r.owner} · runs ${r.schedule.toLowerCase()} · <a href="#/reports">all reports</a></p>
         <div class="bars">${r.regions.map((v, i) => `<div style="height:${Math.round((v / Math.max(...r.regions)) * 100)}%">${regions[i]}<br>${v}</div>`).join('')}</div>
         <table class="grid"><tr><th>Region</th><th class="n">Value</th><th class="n">Share</th></tr>
         ${r.regions.map((v, i) => `<tr><td>${regions[i]}</td><td class="n">${v.toLocaleString('en-GB')}</td><td class="n">${((v / r.regions.reduce((a, b) => a + b, 0)) * 100).toFixed(1)}%</td></tr>`).join('')}</table>
         <p class="btns"><button id="run-report">Run now</button><button data-testid="export-report">Export to Excel</button></p>`
      : `<h2>Report not found</h2><p class="sub"><a href="#/reports">All reports</a></p>`;
  } else if (route === '/audit') {
    section = 'audit';
    body.innerHTML = `<h2>Audit log</h2><p class="sub">Who ran or changed a report, newest first.</p>
      <table class="grid"><tr><th>When</th><th>Who</th><th>What</th></tr>
      ${reports.map((r, i) => `<tr><td>2026-11-${String(22 - i).padStart(2, '0')} 0${i}:1${i}</td><td>${r.owner}</td><td>ran <a href="#/reports/${r.id}">${r.name}</a></td></tr>`).join('')}</table>`;
  } else {
    body.innerHTML = `<h2>Reports</h2><p class="sub">${reports.length} saved reports. Click one to open it.</p>
      <table class="grid"><tr><th>#</th><th>Report</th><th>Owner</th><th>Schedule</th></tr>
      ${reports.map((r) => `<tr><td>${r.id}</td><td><a href="#/reports/${r.id}">${r.name}</a></td><td>${r.owner}</td><td>${r.schedule}</td></tr>`).join('')}</table>`;
  }
  for (const a of document.querySelectorAll('#lg-head nav a')) a.classList.toggle('on', a.dataset.route === section);
  document.title = `${body.querySelector('h2')?.textContent ?? 'Reports'} · Northwind Reports (classic)`;
}

window.addEventListener('hashchange', render);
render();
