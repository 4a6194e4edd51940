/**
 * Webhook signatures, as Stripe and GitHub sign theirs: HMAC-SHA256 over
 * `timestamp + "." + body` with Web Crypto, sent as
 * `Mulin-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]` (one `v1` per active secret, two
 * during a rotation) with the delivery's stable id in `Mulin-Notification-Id`. Receivers
 * check a signature with {@link verifyWebhook}.
 *
 * @since 0.5.0
 */

/**
 * The signature header.
 *
 * @category constants
 * @since 0.5.0
 */
export const SIGNATURE_HEADER = "Mulin-Signature"

/**
 * The header carrying the stable id receivers drop duplicates by.
 *
 * @category constants
 * @since 0.5.0
 */
export const NOTIFICATION_ID_HEADER = "Mulin-Notification-Id"

const encoder = new TextEncoder()
const keys = new Map<string, Promise<CryptoKey>>()

const keyOf = (secret: string): Promise<CryptoKey> => {
  let key = keys.get(secret)
  if (key === undefined) {
    key = globalThis.crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
    if (keys.size > 1000) keys.clear()
    keys.set(secret, key)
  }
  return key
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))
const hex = (buffer: ArrayBuffer): string => {
  let s = ""
  for (const b of new Uint8Array(buffer)) s += HEX[b]
  return s
}

/**
 * The hex HMAC-SHA256 of `timestamp + "." + body` under `secret`.
 *
 * @category signing
 * @since 0.5.0
 */
export const signatureOf = async (secret: string, timestamp: number, body: string): Promise<string> =>
  hex(await globalThis.crypto.subtle.sign("HMAC", await keyOf(secret), encoder.encode(`${timestamp}.${body}`)))

/**
 * The `Mulin-Signature` header value for a body, signed with every given secret.
 *
 * @category signing
 * @since 0.5.0
 */
export const signWebhook = async (secrets: ReadonlyArray<string>, timestamp: number, body: string): Promise<string> => {
  const parts = [`t=${timestamp}`]
  for (const secret of secrets) parts.push(`v1=${await signatureOf(secret, timestamp, body)}`)
  return parts.join(",")
}

/**
 * Compares two strings in time that depends only on their lengths.
 *
 * @category signing
 * @since 0.5.0
 */
export const timingSafeEqual = (a: string, b: string): boolean => {
  let diff = a.length ^ b.length
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0)
  return diff === 0
}

/**
 * Why a webhook was refused, or `ok`.
 *
 * @category signing
 * @since 0.5.0
 */
export type WebhookVerification =
  | { readonly ok: true; readonly id: string | null; readonly timestamp: number }
  | { readonly ok: false; readonly reason: "missing_signature" | "malformed_signature" | "stale_timestamp" | "bad_signature" }

/**
 * Options of {@link verifyWebhook}.
 *
 * @category signing
 * @since 0.5.0
 */
export interface VerifyOptions {
  /** How far the signature's timestamp may be from `now` (default 300 seconds): the replay window. */
  readonly toleranceSeconds?: number | undefined
  /** Now, in milliseconds since the epoch (default `Date.now()`). */
  readonly now?: number | undefined
}

const headerOf = (headers: Headers | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>, name: string): string | undefined => {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined
  const record = headers as Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  const found = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase())
  const value = found === undefined ? undefined : record[found]
  return Array.isArray(value) ? value[0] : (value as string | undefined)
}

/**
 * Verifies a webhook as a receiver: the raw body (the bytes as received, before any JSON
 * parsing), the headers, and the subscription's secret (or both secrets during a
 * rotation). Accepts when the timestamp is within the replay window and one `v1` signature
 * matches one secret, compared in constant time.
 *
 * @example
 * ```ts
 * const result = await verifyWebhook(process.env.MULIN_WEBHOOK_SECRET!, request.headers, rawBody)
 * if (!result.ok) return new Response(result.reason, { status: 400 })
 * if (await seen(result.id)) return new Response(null, { status: 200 }) // a duplicate
 * ```
 *
 * @category signing
 * @since 0.5.0
 */
export const verifyWebhook = async (
  secretOrSecrets: string | ReadonlyArray<string>,
  headers: Headers | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>,
  rawBody: string,
  options: VerifyOptions = {}
): Promise<WebhookVerification> => {
  const header = headerOf(headers, SIGNATURE_HEADER)
  if (header === undefined || header === "") return { ok: false, reason: "missing_signature" }
  let timestamp: number | undefined
  const signatures: Array<string> = []
  for (const part of header.split(",")) {
    const eq = part.indexOf("=")
    const name = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (name === "t" && /^\d{1,12}$/u.test(value)) timestamp = Number(value)
    else if (name === "v1" && /^[0-9a-f]{64}$/u.test(value)) signatures.push(value)
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: "malformed_signature" }
  const tolerance = options.toleranceSeconds ?? 300
  const now = Math.floor((options.now ?? Date.now()) / 1000)
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: "stale_timestamp" }
  const secrets = typeof secretOrSecrets === "string" ? [secretOrSecrets] : secretOrSecrets
  let matched = false
  for (const secret of secrets) {
    const expected = await signatureOf(secret, timestamp, rawBody)
    // Every comparison runs: the time taken does not tell which one matched.
    for (const candidate of signatures) if (timingSafeEqual(expected, candidate)) matched = true
  }
  return matched ? { ok: true, id: headerOf(headers, NOTIFICATION_ID_HEADER) ?? null, timestamp } : { ok: false, reason: "bad_signature" }
}
