/**
 * The county's own system, as a webhook receiver on loopback (node:http): it verifies every
 * signature with `verifyWebhook` over the raw body, drops a notification it has seen by
 * `Mulin-Notification-Id`, and keeps what it gets. To show why receivers drop duplicates,
 * it can lose its answer to the first request (it keeps the notification, then answers
 * 503, as a receiver whose reply never reached Mulin): Mulin sends it again, with the same
 * id and body, on a later pass.
 */
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { verifyWebhook } from "@mulin/core"

/** A notification as the receiver got it. */
export interface Received {
  /** The delivery's stable id (`Mulin-Notification-Id`). */
  readonly id: string
  readonly type: string
  readonly template: string
  readonly urgency: "normal" | "urgent"
  readonly personId: string
  readonly subject: { readonly type: string; readonly id: string }
  readonly title: { readonly en: string; readonly zh: string }
  readonly body: { readonly en: string; readonly zh: string }
  readonly createdAt: string
  /** When it arrived, on the clock the week runs on (ms). */
  readonly receivedAt: number
}

/** What the receiver counted. */
export interface ReceiverCounts {
  /** Requests whose signature verified. */
  readonly verified: number
  /** Requests refused: a signature that did not verify, with the reason. */
  readonly refused: ReadonlyArray<string>
  /** Requests dropped as a notification already received. */
  readonly duplicates: number
  /** Answers the receiver lost on purpose (503 after keeping the notification). */
  readonly lost: number
}

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  /** The clock the week runs on, in ms: the replay window is measured against it. */
  readonly now: () => number
  /** Called with each new notification. */
  readonly onNotification: (n: Received) => void
  /** Called with each duplicate dropped and each answer lost. */
  readonly onNote: (line: string) => void
  /** Lose the answer to the first request (default false). */
  readonly loseFirstAnswer?: boolean | undefined
}

const headersOf = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : Array.isArray(v) ? [[k, v.join(",")]] : [])))

/** Starts the receiver on 127.0.0.1 (a free port). Set the signing secret before the first delivery. */
export const startReceiver = async (options: ReceiverOptions) => {
  let secret: string | null = null
  const seen = new Set<string>()
  const received: Array<Received> = []
  const refused: Array<string> = []
  let verified = 0
  let duplicates = 0
  let lost = 0
  let loseNext = options.loseFirstAnswer === true

  const server = createServer((req, res) => {
    let raw = ""
    req.setEncoding("utf8")
    req.on("data", (chunk: string) => (raw += chunk))
    req.on("end", () => {
      void (async () => {
        if (secret === null) {
          refused.push("no secret set")
          return res.writeHead(503).end()
        }
        const result = await verifyWebhook(secret, headersOf(req.headers), raw, { toleranceSeconds: 300, now: options.now() })
        if (!result.ok) {
          refused.push(result.reason)
          return res.writeHead(400).end(result.reason)
        }
        verified++
        const id = result.id ?? ""
        if (seen.has(id)) {
          duplicates++
          options.onNote(`  (duplicate ${id} dropped / 重复通知已丢弃)`)
          return res.writeHead(200).end()
        }
        seen.add(id)
        const message = JSON.parse(raw) as Omit<Received, "receivedAt">
        const n: Received = { ...message, id, receivedAt: options.now() }
        received.push(n)
        options.onNotification(n)
        if (loseNext) {
          loseNext = false
          lost++
          options.onNote(`  (the receiver's answer to ${id} is lost: Mulin will send it again / 接收端的应答丢失，Mulin 将重发)`)
          return res.writeHead(503).end()
        }
        res.writeHead(204).end()
      })()
    })
  })
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mulin`,
    setSecret: (value: string) => {
      secret = value
    },
    received: received as ReadonlyArray<Received>,
    counts: (): ReceiverCounts => ({ verified, refused: [...refused], duplicates, lost }),
    close: () => new Promise<void>((done) => server.close(() => done()))
  }
}
