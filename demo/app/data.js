// Northwind CRM's fake data: 30 accounts, their orders and 18 support tickets. Deterministic (no
// Math.random), so end-to-end tests and screenshots see the same page every time.

/** The account owners are the demo colleagues that demo/seed.ts creates, so the story lines up. */
export const owners = ['Priya Raman', 'Marcus Oyelaran', 'Sofia Lindqvist', 'Tomás Ferreira', 'Hannah Cho', 'Jonas Weber'];

const rows = [
  // id, name, industry, tier, status, owner index, ARR, city, country, contact, renewal (yyyy-mm-dd)
  [1001, 'Acme Logistics', 'Logistics', 'Enterprise', 'active', 0, 482000, 'Rotterdam', 'NL', 'Eva de Vries', '2027-02-14'],
  [1002, 'Blue Harbor Foods', 'Food & beverage', 'Growth', 'active', 1, 96500, 'Lisbon', 'PT', 'Rui Carvalho', '2027-01-03'],
  [1003, 'Cobalt Health', 'Healthcare', 'Enterprise', 'at-risk', 2, 355000, 'Stockholm', 'SE', 'Ingrid Berg', '2026-12-19'],
  [1004, 'Dunmore Engineering', 'Manufacturing', 'Enterprise', 'active', 3, 618000, 'Manchester', 'GB', 'Callum Reid', '2027-05-30'],
  [1005, 'Elm Street Dental', 'Healthcare', 'Starter', 'active', 4, 8400, 'Dublin', 'IE', 'Aoife Byrne', '2027-03-01'],
  [1006, 'Fjord Analytics', 'Software', 'Growth', 'prospect', 5, 0, 'Oslo', 'NO', 'Lars Haugen', '2027-01-15'],
  [1007, 'Greenline Energy', 'Energy', 'Enterprise', 'active', 0, 734000, 'Hamburg', 'DE', 'Katrin Vogel', '2027-06-11'],
  [1008, 'Harbor & Vine', 'Retail', 'Starter', 'churned', 1, 0, 'Porto', 'PT', 'Inês Moreira', '2026-08-01'],
  [1009, 'Ironwood Legal', 'Professional services', 'Growth', 'active', 2, 128000, 'Copenhagen', 'DK', 'Mads Nielsen', '2027-04-22'],
  [1010, 'Juniper Schools', 'Education', 'Growth', 'at-risk', 3, 74000, 'Leeds', 'GB', 'Fiona Walsh', '2026-12-31'],
  [1011, 'Kestrel Aviation', 'Transport', 'Enterprise', 'active', 4, 905000, 'Toulouse', 'FR', 'Julien Marchand', '2027-09-09'],
  [1012, 'Lumen Media', 'Media', 'Growth', 'active', 5, 152000, 'Berlin', 'DE', 'Nina Krüger', '2027-02-28'],
  [1013, 'Meridian Bank', 'Finance', 'Enterprise', 'active', 0, 1240000, 'Luxembourg', 'LU', 'Paul Schmit', '2027-11-30'],
  [1014, 'Northgate Property', 'Real estate', 'Growth', 'churned', 1, 0, 'Glasgow', 'GB', 'Ewan Fraser', '2026-06-30'],
  [1015, 'Orchard Pharmacy', 'Healthcare', 'Starter', 'active', 2, 12600, 'Utrecht', 'NL', 'Sanne Bakker', '2027-01-20'],
  [1016, 'Pinecrest Hotels', 'Hospitality', 'Growth', 'at-risk', 3, 211000, 'Madrid', 'ES', 'Lucía Romero', '2026-12-05'],
  [1017, 'Quayside Freight', 'Logistics', 'Growth', 'active', 4, 187000, 'Antwerp', 'BE', 'Pieter Claes', '2027-03-18'],
  [1018, 'Redwood Insurance', 'Finance', 'Enterprise', 'active', 5, 566000, 'Zurich', 'CH', 'Martina Keller', '2027-07-01'],
  [1019, 'Saltmarsh Brewing', 'Food & beverage', 'Starter', 'prospect', 0, 0, 'Bristol', 'GB', 'Owen Price', '2027-02-01'],
  [1020, 'Tidewater Ports', 'Transport', 'Enterprise', 'active', 1, 442000, 'Gdańsk', 'PL', 'Agnieszka Nowak', '2027-08-15'],
  [1021, 'Umbra Security', 'Software', 'Growth', 'active', 2, 139000, 'Tallinn', 'EE', 'Kristjan Tamm', '2027-05-05'],
  [1022, 'Vantage Retail Group', 'Retail', 'Enterprise', 'at-risk', 3, 398000, 'Milan', 'IT', 'Giulia Conti', '2026-12-12'],
  [1023, 'Westbrook University', 'Education', 'Enterprise', 'active', 4, 276000, 'Edinburgh', 'GB', 'Alistair Grant', '2027-09-01'],
  [1024, 'Xenon Labs', 'Biotech', 'Growth', 'active', 5, 164000, 'Basel', 'CH', 'Sabine Frei', '2027-04-10'],
  [1025, 'Yellowfin Travel', 'Hospitality', 'Starter', 'churned', 0, 0, 'Valencia', 'ES', 'Pablo Ruiz', '2026-09-30'],
  [1026, 'Zephyr Wind Farms', 'Energy', 'Growth', 'active', 1, 233000, 'Aarhus', 'DK', 'Freja Holm', '2027-03-27'],
  [1027, 'Alder & Finch Architects', 'Professional services', 'Starter', 'active', 2, 18900, 'Brussels', 'BE', 'Lotte Peeters', '2027-01-09'],
  [1028, 'Brightwater Utilities', 'Energy', 'Enterprise', 'active', 3, 811000, 'Vienna', 'AT', 'Stefan Huber', '2027-10-20'],
  [1029, 'Castlerock Mining', 'Manufacturing', 'Growth', 'prospect', 4, 0, 'Kiruna', 'SE', 'Erik Lund', '2027-02-10'],
  [1030, 'Delta Clinics', 'Healthcare', 'Growth', 'active', 5, 121000, 'Athens', 'GR', 'Eleni Papadopoulou', '2027-05-19'],
];

const terms = ['Net 30', 'Net 45', 'Net 60', 'Due on receipt'];

export const accounts = rows.map(([id, name, industry, tier, status, owner, arr, city, country, contact, renewal]) => {
  const domain = String(name).toLowerCase().replace(/&/g, 'and').replace(/[^a-z]+/g, '') + '.example';
  const [first] = String(contact).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(' ');
  return {
    id: String(id),
    name: String(name),
    industry: String(industry),
    tier: String(tier),
    status: String(status),
    owner: owners[Number(owner)],
    arr: Number(arr),
    city: String(city),
    country: String(country),
    contact: String(contact),
    email: `${first}@${domain}`,
    billingEmail: `billing@${domain}`,
    phone: `+${30 + (Number(id) % 20)} ${String(Number(id) * 7919).slice(0, 3)} ${String(Number(id) * 104729).slice(-4)}`,
    renewal: String(renewal),
    terms: terms[Number(id) % terms.length],
    taxExempt: Number(id) % 7 === 0,
  };
});

const products = ['Platform licence', 'Premium support', 'Onboarding package', 'Data connector', 'Extra seats (25)', 'Training day'];
const orderStatuses = ['Paid', 'Paid', 'Invoiced', 'Paid', 'Paid', 'Draft', 'Paid', 'Invoiced', 'Paid', 'Paid', 'Overdue'];

/** 3 to 8 orders per account, newest first. */
export function ordersOf(account) {
  const n = Number(account.id);
  const count = account.status === 'prospect' ? 0 : 3 + (n % 6);
  return Array.from({ length: count }, (_, i) => {
    const month = 10 - i;
    const year = month > 0 ? 2026 : 2025;
    const m = ((month + 11) % 12) + 1;
    return {
      id: `SO-${n}-${String(count - i).padStart(3, '0')}`,
      date: `${year}-${String(m).padStart(2, '0')}-${String(1 + ((n + i * 5) % 27)).padStart(2, '0')}`,
      product: products[(n + i) % products.length],
      quantity: 1 + ((n + i * 3) % 5),
      amount: 1200 + ((n * 37 * (i + 1)) % 48000),
      status: i === 0 && account.status === 'at-risk' ? 'Overdue' : orderStatuses[(n + i) % orderStatuses.length],
    };
  });
}

const subjects = [
  ['Invoice shows the wrong VAT rate', 'Billing'],
  ['Cannot export orders to CSV', 'Product'],
  ['SSO login loops back to the sign-in page', 'Access'],
  ['Request to merge duplicate accounts', 'Data'],
  ['Data connector stopped syncing overnight', 'Integrations'],
  ['Add three more seats before the audit', 'Billing'],
  ['Renewal quote needs a PO number', 'Billing'],
  ['Dashboard numbers differ from finance report', 'Reporting'],
  ['User left the company: transfer ownership', 'Access'],
  ['Payment terms should be Net 60', 'Billing'],
  ['API rate limit errors during month end', 'Integrations'],
  ['Training day: confirm the agenda', 'Services'],
  ['Credit note for the cancelled order', 'Billing'],
  ['Two-factor codes arrive late', 'Access'],
  ['Wrong contact on the invoice header', 'Data'],
  ['Slow search on the accounts list', 'Product'],
  ['Cancel the trial licence', 'Billing'],
  ['Bulk edit for account owners', 'Product'],
];
const priorities = ['High', 'Normal', 'Urgent', 'Normal', 'Low', 'Normal'];
const ticketStatuses = ['open', 'pending', 'open', 'solved', 'open', 'pending'];

export const tickets = subjects.map(([subject, category], i) => {
  const account = accounts[(i * 7) % accounts.length];
  return {
    id: String(4201 + i),
    subject,
    category,
    account,
    priority: priorities[i % priorities.length],
    status: ticketStatuses[i % ticketStatuses.length],
    assignee: owners[(i + 2) % owners.length],
    created: `2026-11-${String(22 - (i % 20)).padStart(2, '0')}`,
    messages: [
      { from: account.contact, at: '09:12', text: `Hello team, about “${subject}”: could you take a look? This is blocking our month-end close.` },
      { from: owners[(i + 2) % owners.length], at: '10:47', text: 'Thanks for reporting this. I have reproduced it and I am checking with the billing team; I will get back to you today.' },
      ...(i % 3 === 0 ? [{ from: account.contact, at: '13:05', text: 'Any update? Our auditors are asking about it.' }] : []),
    ],
  };
});

export const accountById = (id) => accounts.find((a) => a.id === id);
export const ticketById = (id) => tickets.find((t) => t.id === id);

export const money = (n) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
