// Where webhooks may be sent, and the only way they are sent. A webhook URL is chosen by an admin, but the
// request comes from the server, inside the network: pointed at 127.0.0.1, 10.x or 169.254.169.254 it would
// reach services that trust the server (server-side request forgery). So a target must be http(s), carry no
// credentials, and be a public address, by its literal address or by every address its name resolves to.
// Names are checked when a webhook is saved (a clear error for the admin) and again on every connection:
// the connection's own DNS lookup drops refused addresses, so a name that re-resolves to an internal address
// after the check (DNS rebinding) is never reached. Internal receivers (a chat server on the LAN) are
// legitimate in a self-hosted product: WEBHOOK_ALLOWED_HOSTS lists them by host name or address range.
// Address classes come from ipaddr.js: "public" means its range() is plain `unicast`.
import { promises as dns, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Resolve = (host: string) => Promise<LookupAddress[]>;

/** A target the policy refuses; `message` says why, for the admin (422) or the delivery log. */
export class RefusedTarget extends Error {
  override readonly name = 'RefusedTarget';
}

/** A webhook host name that does not resolve when the webhook is saved. */
export class UnresolvableTarget extends Error {
  override readonly name = 'UnresolvableTarget';
}

const rangeWords: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  loopback: 'a loopback address',
  private: 'a private (RFC 1918) address',
  uniqueLocal: 'a private (unique local, fc00::/7) address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
};

const HINT = 'Webhooks go to public addresses only; list an internal receiver in WEBHOOK_ALLOWED_HOSTS.';

/** "localhost." and "LocalHost" are one host; IPv6 literals lose their URL brackets. */
const hostKey = (host: string) => host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();

interface AllowList {
  hosts: Set<string>;
  ranges: Array<[Address, number]>;
}

/** Parses WEBHOOK_ALLOWED_HOSTS entries: host names, addresses, CIDR ranges. Throws on an entry that is none. */
export function parseAllowList(entries: string[]): AllowList {
  const allowed: AllowList = { hosts: new Set(), ranges: [] };
  for (const entry of entries.map((e) => e.trim()).filter(Boolean)) {
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`"${entry}" is not a CIDR range`);
      allowed.ranges.push(ipaddr.parseCIDR(entry));
    } else if (isIP(hostKey(entry))) {
      const address = ipaddr.parse(hostKey(entry));
      allowed.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(entry)) {
      allowed.hosts.add(hostKey(entry));
    } else throw new Error(`"${entry}" is not a host name, an address or a CIDR range`);
  }
  return allowed;
}

export class WebhookTargets {
  private readonly allowed: AllowList;
  private readonly agents: { 'http:': HttpAgent; 'https:': HttpsAgent };

  constructor(
    allowedHosts: string[],
    private readonly resolve: Resolve = (host) => dns.lookup(host, { all: true }),
  ) {
    this.allowed = parseAllowList(allowedHosts);
    // Dedicated agents: every socket in their pools was opened through the filtering lookup.
    const lookup = this.lookup;
    this.agents = { 'http:': new HttpAgent({ keepAlive: true, lookup }), 'https:': new HttpsAgent({ keepAlive: true, lookup }) };
  }

  /** When a webhook is saved: throws RefusedTarget (or UnresolvableTarget) unless the URL may receive webhooks. */
  async check(raw: string): Promise<void> {
    const host = this.screen(new URL(raw));
    if (host === null) return;
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(host);
    } catch (err) {
      throw new UnresolvableTarget(`${host} does not resolve (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Check the host name.`);
    }
    for (const { address } of addresses) {
      const why = this.refusal(address);
      if (why) throw new RefusedTarget(`${host} resolves to ${address}, ${why}. ${HINT}`);
    }
  }

  /**
   * POSTs to a checked URL; resolves with the response status. Rejects with RefusedTarget when the URL or
   * every address its name now resolves to is refused, and with AbortSignal's TimeoutError when no status
   * came within `timeoutMs`. Redirects are not followed (a 3xx is the answer).
   */
  async post(raw: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
    const url = new URL(raw);
    this.screen(url);
    const protocol = url.protocol as 'http:' | 'https:';
    const send = protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      // The status is the receiver's answer. Its body is not needed, but reading it to the end frees the socket
      // for the next delivery; a body that fails or hangs after the status changes nothing. Before a status,
      // an abort fails with an AbortError whose cause is the signal's TimeoutError.
      let status: number | undefined;
      const settle = (err?: Error) => {
        if (status !== undefined) resolve(status);
        else if (err) reject(err.name === 'AbortError' && err.cause instanceof Error ? err.cause : err);
      };
      const req = send(url, {
        method: 'POST',
        agent: this.agents[protocol],
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(timeoutMs),
      });
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.on('close', () => settle()).on('error', settle).resume();
      });
      req.on('error', settle);
      req.end(body);
    });
  }

  /**
   * The checks that need no DNS. Throws RefusedTarget; returns the host name still to resolve, or null when
   * the host is allow-listed by name or a literal address that passed.
   */
  private screen(url: URL): string | null {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedTarget('Webhook URLs must use http or https.');
    if (url.username || url.password) {
      throw new RefusedTarget('Webhook URLs cannot carry a user name or password; receivers authenticate deliveries by their signature.');
    }
    const host = hostKey(url.hostname);
    if (this.allowed.hosts.has(host)) return null;
    if (!isIP(host)) return host;
    const why = this.refusal(host);
    if (why) throw new RefusedTarget(`${host} is ${why}. ${HINT}`);
    return null;
  }

  /** Why connecting to this address is refused (in words), or null when it is public or allow-listed. */
  private refusal(text: string): string | null {
    let address: Address;
    try {
      address = ipaddr.process(text); // ::ffff:127.0.0.1 is judged as 127.0.0.1
    } catch {
      return 'not an address that can be classified';
    }
    if (this.allowed.ranges.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits))) return null;
    const range = address.range();
    return range === 'unicast' ? null : (rangeWords[range] ?? `a non-public address (${range})`);
  }

  /** The connection's DNS lookup: resolves, then keeps only addresses that may be reached. */
  private readonly lookup: LookupFunction = (hostname, options, callback) => {
    const host = hostKey(hostname);
    this.resolve(host).then(
      (found) => {
        const reachable = this.allowed.hosts.has(host) ? found : found.filter((a) => !this.refusal(a.address));
        if (reachable.length === 0 && found[0]) {
          const { address } = found[0];
          return callback(new RefusedTarget(`${host} now resolves to ${address}, ${this.refusal(address)}. ${HINT}`), '');
        }
        const usable = reachable.filter((a) => !options.family || a.family === options.family);
        if (usable.length === 0) return callback(Object.assign(new Error(`${host} has no usable address`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, usable);
        else callback(null, usable[0]!.address, usable[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
