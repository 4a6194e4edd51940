/**
 * Where webhooks may post. A webhook is a request the server makes on a county's behalf,
 * so a subscription must not turn the server into a probe of the network it runs in
 * (server-side request forgery): loopback, private, link-local (the cloud metadata
 * service at 169.254.169.254), shared, multicast and reserved addresses are refused unless
 * the deployment allows them by CIDR — a county whose receiver sits on the government
 * intranet (政务外网, often `10.0.0.0/8`) lists that range.
 *
 * The rule is pure: it judges an address. The URL's host is judged when a webhook is
 * subscribed (an address literal, `localhost`) and again before each delivery; names that
 * resolve to an address are judged at connection time by the Node adapter's guarded fetch
 * (`webhookFetch` in `@mulin/adapter-http`), so a name that later resolves inward is caught
 * too.
 *
 * @since 0.5.0
 */

/** An address as 16 bytes (IPv4 mapped into `::ffff:0:0/96`). */
type Bytes = Uint8Array

const parseV4 = (text: string): Bytes | undefined => {
  const parts = text.split(".")
  if (parts.length !== 4) return undefined
  const out = new Uint8Array(16)
  out[10] = 0xff
  out[11] = 0xff
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p.startsWith("0"))) return undefined
    const n = Number(p)
    if (n > 255) return undefined
    out[12 + i] = n
  }
  return out
}

const parseV6 = (text: string): Bytes | undefined => {
  let s = text
  const zone = s.indexOf("%")
  if (zone >= 0) s = s.slice(0, zone)
  let tail: Bytes | undefined
  const lastColon = s.lastIndexOf(":")
  if (s.includes(".", lastColon)) {
    tail = parseV4(s.slice(lastColon + 1))
    if (tail === undefined) return undefined
    s = `${s.slice(0, lastColon + 1)}0:0`
  }
  const halves = s.split("::")
  if (halves.length > 2) return undefined
  const groups = (h: string) => (h === "" ? [] : h.split(":"))
  const head = groups(halves[0]!)
  const rest = halves.length === 2 ? groups(halves[1]!) : []
  const missing = 8 - head.length - rest.length
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined
  const all = [...head, ...Array.from({ length: halves.length === 2 ? missing : 0 }, () => "0"), ...rest]
  const out = new Uint8Array(16)
  for (let i = 0; i < 8; i++) {
    const g = all[i]!
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined
    const n = parseInt(g, 16)
    out[2 * i] = n >> 8
    out[2 * i + 1] = n & 0xff
  }
  if (tail !== undefined) out.set(tail.subarray(12), 12)
  return out
}

/** An IPv4 or IPv6 address (IPv6 optionally in brackets), as 16 bytes; `undefined` if `text` is not one. */
const parseAddress = (text: string): Bytes | undefined => {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text
  return bare.includes(":") ? parseV6(bare) : parseV4(bare)
}

/**
 * A range of addresses, parsed from CIDR by {@link allowedRanges}.
 *
 * @category webhooks
 * @since 0.5.0
 */
export interface AddressRange {
  /** The range's first address, as 16 bytes (IPv4 mapped into `::ffff:0:0/96`). */
  readonly base: Uint8Array
  /** The prefix length in bits, over the 16 bytes. */
  readonly bits: number
}
type Range = AddressRange

const inRange = (a: Bytes, r: Range): boolean => {
  const full = r.bits >> 3
  for (let i = 0; i < full; i++) if (a[i] !== r.base[i]) return false
  const rem = r.bits & 7
  if (rem === 0) return true
  const mask = (0xff << (8 - rem)) & 0xff
  return (a[full]! & mask) === (r.base[full]! & mask)
}

const parseRange = (cidr: string): Range | undefined => {
  const slash = cidr.lastIndexOf("/")
  const address = parseAddress(slash < 0 ? cidr : cidr.slice(0, slash))
  if (address === undefined) return undefined
  const v4 = !cidr.includes(":")
  const width = v4 ? 32 : 128
  const given = slash < 0 ? width : /^\d{1,3}$/.test(cidr.slice(slash + 1)) ? Number(cidr.slice(slash + 1)) : NaN
  if (!(given >= 0 && given <= width)) return undefined
  return { base: address, bits: v4 ? 96 + given : given }
}

const range = (cidr: string): Range => parseRange(cidr)!

/** Not on the public internet: IANA's special-purpose registries, v4 and v6. */
const SPECIAL: ReadonlyArray<readonly [Range, string]> = [
  [range("0.0.0.0/8"), "unspecified"],
  [range("10.0.0.0/8"), "private"],
  [range("100.64.0.0/10"), "shared"],
  [range("127.0.0.0/8"), "loopback"],
  [range("169.254.0.0/16"), "link-local"],
  [range("172.16.0.0/12"), "private"],
  [range("192.0.0.0/24"), "reserved"],
  [range("192.0.2.0/24"), "documentation"],
  [range("192.88.99.0/24"), "reserved"],
  [range("192.168.0.0/16"), "private"],
  [range("198.18.0.0/15"), "reserved"],
  [range("198.51.100.0/24"), "documentation"],
  [range("203.0.113.0/24"), "documentation"],
  [range("224.0.0.0/4"), "multicast"],
  [range("240.0.0.0/4"), "reserved"],
  [range("::/128"), "unspecified"],
  [range("::1/128"), "loopback"],
  [range("64:ff9b:1::/48"), "private"],
  [range("100::/64"), "reserved"],
  [range("2001::/23"), "reserved"],
  [range("2001:db8::/32"), "documentation"],
  [range("2002::/16"), "reserved"],
  [range("fc00::/7"), "private"],
  [range("fe80::/10"), "link-local"],
  [range("fec0::/10"), "reserved"],
  [range("ff00::/8"), "multicast"]
]

const V4_MAPPED = range("::ffff:0:0/96")
const V4_COMPATIBLE = range("::/96")
const NAT64 = range("64:ff9b::/96")

/**
 * What kind of address `text` is: `"public"`, or the special range it is in (`"loopback"`,
 * `"private"`, `"link-local"`, …); `undefined` when `text` is not an IP address.
 *
 * @category webhooks
 * @since 0.5.0
 */
export const addressKind = (text: string): string | undefined => {
  const a = parseAddress(text)
  if (a === undefined) return undefined
  for (const [r, kind] of SPECIAL) {
    // An IPv4 range also judges IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`), since both are stored mapped.
    if (inRange(a, r)) return kind
  }
  // `::a.b.c.d` (deprecated IPv4-compatible) and `64:ff9b::a.b.c.d` (NAT64, which a gateway
  // translates) are judged as the IPv4 address they carry.
  if ((inRange(a, V4_COMPATIBLE) && !inRange(a, V4_MAPPED)) || inRange(a, NAT64)) {
    const v4 = `${a[12]}.${a[13]}.${a[14]}.${a[15]}`
    return addressKind(v4)
  }
  return "public"
}

/**
 * The deployment's allowances for webhook targets.
 *
 * @category webhooks
 * @since 0.5.0
 */
export interface WebhookTargets {
  /**
   * Ranges (CIDR, e.g. `10.20.0.0/16`, `127.0.0.1/32`, `fd00::/8`) whose addresses webhooks
   * may post to although they are not public. Empty by default: only public addresses.
   */
  readonly allow?: ReadonlyArray<string> | undefined
}

/**
 * The ranges of a `WebhookTargets.allow` list; a malformed one throws, naming it, so a
 * deployment with a typo fails at start and not at the first delivery.
 *
 * @category webhooks
 * @since 0.5.0
 */
export const allowedRanges = (targets: WebhookTargets | undefined): ReadonlyArray<Range> =>
  (targets?.allow ?? []).map((cidr) => {
    const r = parseRange(cidr.trim())
    if (r === undefined) throw new Error(`webhook targets: "${cidr}" is not a CIDR range (e.g. 10.20.0.0/16) / 不是 CIDR 网段`)
    return r
  })

/** Why a host is refused: what was written, and the kind of address it is. */
interface Refusal {
  readonly subject: string
  /** A special range's kind (`"loopback"`, `"private"`, …), or `"not-ip"`. */
  readonly kind: string
  /** Refused as a name (`localhost`) rather than an address. */
  readonly name: boolean
}

const refusalOfAddress = (address: string, allowed: ReadonlyArray<Range>): Refusal | undefined => {
  const kind = addressKind(address)
  if (kind === undefined) return { subject: address, kind: "not-ip", name: false }
  if (kind === "public") return undefined
  const a = parseAddress(address)!
  return allowed.some((r) => inRange(a, r)) ? undefined : { subject: address, kind, name: false }
}

const refusalOfHost = (url: URL, allowed: ReadonlyArray<Range>): Refusal | undefined => {
  // A fully qualified name's final dot changes nothing: `localhost.` is `localhost`.
  const host = url.hostname.toLowerCase().replace(/\.+$/, "")
  if (host === "localhost" || host.endsWith(".localhost")) {
    return refusalOfAddress("127.0.0.1", allowed) === undefined ? undefined : { subject: host, kind: "loopback", name: true }
  }
  return addressKind(host) === undefined ? undefined : refusalOfAddress(host, allowed)
}

/** The special ranges' kinds in Chinese. */
const KIND_ZH: Readonly<Record<string, string>> = {
  unspecified: "未指定",
  private: "内网",
  shared: "运营商共享",
  loopback: "回环",
  "link-local": "链路本地",
  reserved: "保留",
  documentation: "文档示例",
  multicast: "组播"
}

const english = (r: Refusal): string =>
  r.kind === "not-ip" ? `${r.subject} is not an IP address` : `${r.subject} is a ${r.kind} ${r.name ? "name" : "address"}`

const chinese = (r: Refusal): string =>
  r.kind === "not-ip" ? `${r.subject} 不是 IP 地址` : `${r.subject} 是${KIND_ZH[r.kind] ?? r.kind}${r.name ? "主机名" : "地址"}`

/**
 * Why a webhook may not post to `address` (an IP address), or `undefined` when it may.
 *
 * @category webhooks
 * @since 0.5.0
 */
export const refusedAddress = (address: string, allowed: ReadonlyArray<Range>): string | undefined => {
  const r = refusalOfAddress(address, allowed)
  return r === undefined ? undefined : english(r)
}

/**
 * Why a webhook may not post to `url`'s host as written, or `undefined` when it may: an
 * address literal is judged by {@link refusedAddress}; `localhost` and names under
 * `.localhost` are loopback. Other names are judged once resolved, by the guarded fetch.
 *
 * @category webhooks
 * @since 0.5.0
 */
export const refusedHost = (url: URL, allowed: ReadonlyArray<Range>): string | undefined => {
  const r = refusalOfHost(url, allowed)
  return r === undefined ? undefined : english(r)
}

/**
 * {@link refusedHost} in English and in Chinese, for messages that carry both.
 *
 * @category webhooks
 * @since 0.6.0
 */
export const refusedHostBilingual = (url: URL, allowed: ReadonlyArray<Range>): { readonly en: string; readonly zh: string } | undefined => {
  const r = refusalOfHost(url, allowed)
  return r === undefined ? undefined : { en: english(r), zh: chinese(r) }
}
