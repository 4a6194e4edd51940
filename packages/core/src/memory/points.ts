/**
 * The in-memory ledger: the reference implementation of `PointsStore` and
 * `IdempotencyStore`. It runs on the unit of work of the in-memory store (`layerMemory`):
 * writes join the open unit of work and are undone with it; reads outside one wait for it.
 *
 * @since 0.2.0
 */
import { Exit, Option } from "effect"
import { type Conflict, conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import { IdempotencyStore, type IdempotencyRecord } from "../kernel/idempotency.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Account, Hold, MerchantGuard, CatalogService, StoredTransfer, Transfer, TransferCode } from "../points/model.js"
import type { MemoryKit } from "./kit.js"
import { checkFloor, effectOf, type PointsConfig, replay } from "../points/rules.js"
import { type BalanceDifference, type Entry, PointsStore } from "../points/store.js"

interface Line {
  readonly transfer: StoredTransfer
  readonly amount: number
  readonly balance: number
}

const byId = <A extends { readonly id: string }>(a: A, b: A) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Builds the in-memory `PointsStore` and `IdempotencyStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeMemoryPointsStore = ({ op }: MemoryKit): {
  readonly pointsStore: PointsStore["Service"]
  readonly idempotencyStore: IdempotencyStore["Service"]
} => {
  const configs = new Map<GridNodeId, { readonly config: PointsConfig; readonly version: number }>()
  const accounts = new Map<string, Account>()
  const accountKeys = new Set<string>()
  const transfers: Array<StoredTransfer> = []
  const transferIds = new Map<string, StoredTransfer>()
  const resolved = new Set<string>()
  const reversed = new Set<string>()
  const lines = new Map<string, Array<Line>>()
  const holds = new Map<string, Hold>()
  const services = new Map<string, CatalogService>()
  const guards = new Map<string, MerchantGuard>()
  const keys = new Map<string, IdempotencyRecord>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  /** Runs `f` with its own undo list: undone at once when it fails, else with the unit of work. */
  const write = <A>(f: (undo: Array<() => void>) => Exit.Exit<A, Conflict>) =>
    op((tx) => {
      const undo: Array<() => void> = []
      const exit = f(undo)
      if (Exit.isFailure(exit)) for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
      else if (tx !== undefined) tx.undo.push(() => {
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!()
      })
      return exit
    })
  const set = <K, V>(map: Map<K, V>, key: K, value: V, undo: Array<() => void>) => {
    const before = map.get(key)
    map.set(key, value)
    undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }
  const accountKey = (a: Account) => a.ownerId === null ? `node/${a.nodeId}/${a.kind}` : `owner/${a.countyId}/${a.kind}/${a.ownerId}`
  const inSubtree = (a: Account, rootId: GridNodeId) => a.path.includes(rootId)
  const versioned = <T extends { readonly id: string; readonly version: number }>(entity: string, map: Map<string, T>, next: T, expected: number) =>
    write((undo) => {
      const stored = map.get(next.id)
      if (stored === undefined || stored.version !== expected) return Exit.fail(staleVersion(entity, next.id, expected, stored?.version ?? 0))
      set(map, next.id, next, undo)
      return Exit.void
    })

  const commitOne = (t: Transfer, undo: Array<() => void>): Exit.Exit<StoredTransfer, Conflict> => {
    if (transferIds.has(t.id)) return Exit.fail(duplicateId("transfer", t.id, "duplicate_transfer"))
    if (t.pendingId !== null && resolved.has(t.pendingId)) {
      return Exit.fail(conflict("pending_resolved", `pending transfer ${t.pendingId} is already posted or voided`, `冻结转账 ${t.pendingId} 已入账或已撤销`))
    }
    if (t.reversesId !== null && reversed.has(t.reversesId)) {
      return Exit.fail(conflict("already_reversed", `transfer ${t.reversesId} is already reversed`, `转账 ${t.reversesId} 已被冲正`))
    }
    const debit = accounts.get(t.debitAccountId)
    const credit = accounts.get(t.creditAccountId)
    if (debit === undefined || credit === undefined) {
      return Exit.fail(conflict("unknown_account", `transfer ${t.id} names an account that does not exist`, `转账 ${t.id} 涉及不存在的账户`))
    }
    const floor = checkFloor(debit, debit, t)
    if (floor._tag === "Failure") return Exit.fail(floor.failure)
    const stored: StoredTransfer = { ...t, seq: transfers.length + 1 }
    transfers.push(stored)
    undo.push(() => void transfers.pop())
    set(transferIds, t.id, stored, undo)
    if (t.pendingId !== null) {
      resolved.add(t.pendingId)
      undo.push(() => void resolved.delete(t.pendingId!))
    }
    if (t.reversesId !== null) {
      reversed.add(t.reversesId)
      undo.push(() => void reversed.delete(t.reversesId!))
    }
    const [dd, cd] = effectOf(t)
    for (const [account, d] of [[debit, dd], [credit, cd]] as const) {
      const current = accounts.get(account.id)!
      const next = { ...current, posted: current.posted + d.posted, held: current.held + d.held }
      set(accounts, account.id, next, undo)
      if (d.posted !== 0) {
        let list = lines.get(account.id)
        if (list === undefined) lines.set(account.id, (list = []))
        const l = list
        l.push({ transfer: stored, amount: d.posted, balance: next.posted })
        undo.push(() => void l.pop())
      }
    }
    return Exit.succeed(stored)
  }

  const pointsStore = PointsStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (countyId, config, expectedVersion) =>
      write((undo) => {
        const version = configs.get(countyId)?.version ?? 0
        if (version !== expectedVersion) return Exit.fail(staleVersion("points configuration", countyId, expectedVersion, version))
        set(configs, countyId, { config, version: version + 1 }, undo)
        return Exit.void
      }),

    insertAccount: (account) =>
      write((undo) => {
        const key = accountKey(account)
        if (accountKeys.has(key) || accounts.has(account.id)) {
          return Exit.fail(conflict("duplicate_account", `the county already has a ${account.kind} account for this holder`, "本区县已有该持有人的同类账户"))
        }
        accountKeys.add(key)
        undo.push(() => void accountKeys.delete(key))
        set(accounts, account.id, account, undo)
        return Exit.void
      }),
    getAccount: (id) => read(() => Option.fromNullishOr(accounts.get(id))),
    getAccounts: (ids) => read(() => ids.flatMap((id) => accounts.get(id) ?? [])),
    findAccount: (countyId, kind, ownerId) =>
      read(() => Option.fromNullishOr([...accounts.values()].find((a) => a.countyId === countyId && a.kind === kind && a.ownerId === ownerId))),
    accountsAt: (countyId, nodeIds, kind) =>
      read(() => [...accounts.values()].filter((a) => a.ownerId === null && a.countyId === countyId && a.kind === kind && nodeIds.includes(a.nodeId))),
    listAccounts: (countyId, kind, cursor) =>
      read((): Page<Account> => {
        const all = [...accounts.values()].filter((a) => a.countyId === countyId && a.kind === kind && (cursor.after === undefined || a.id > cursor.after)).sort(byId)
        const items = all.slice(0, cursor.limit)
        return { items, next: all.length > cursor.limit ? items[items.length - 1]!.id : null }
      }),

    getTransfers: (ids) => read(() => ids.flatMap((id) => transferIds.get(id) ?? [])),
    commit: (batch) =>
      write((undo) => {
        const out: Array<StoredTransfer> = []
        for (const t of batch) {
          const exit = commitOne(t, undo)
          if (Exit.isFailure(exit)) return Exit.failCause(exit.cause)
          out.push(exit.value)
        }
        return Exit.succeed(out)
      }),
    transfers: (after, limit) => read(() => transfers.slice(Math.max(0, after), Math.max(0, after) + limit)),
    earned: (accountId, category, from, to) =>
      read(() =>
        (lines.get(accountId) ?? []).reduce((s, l) =>
          l.transfer.code === "earn" && l.amount > 0 && (category === null || l.transfer.category === category) && l.transfer.at >= from && l.transfer.at < to ? s + l.amount : s, 0)
      ),
    expiryBasis: (accountId, cutoff) =>
      read(() => {
        let creditsBefore = 0
        let debitsTotal = 0
        for (const l of lines.get(accountId) ?? []) {
          if (l.amount > 0 && l.transfer.at < cutoff) creditsBefore += l.amount
          if (l.amount < 0) debitsTotal -= l.amount
        }
        return { creditsBefore, debitsTotal }
      }),
    statement: (accountId, cursor) =>
      read((): Page<Entry> => {
        const list = lines.get(accountId) ?? []
        const before = cursor.after === undefined ? Infinity : Number(cursor.after)
        const items: Array<Entry> = []
        let i = list.length - 1
        while (i >= 0 && list[i]!.transfer.seq >= before) i--
        for (; i >= 0 && items.length < cursor.limit; i--) items.push(list[i]!)
        return { items, next: i >= 0 && items.length > 0 ? String(items[items.length - 1]!.transfer.seq) : null }
      }),
    movements: (rootId, from, to) =>
      read(() => {
        const sums = new Map<TransferCode, { credits: number; debits: number }>()
        let outstanding = 0
        for (const a of accounts.values()) {
          if (a.kind === "issuer" || !inSubtree(a, rootId)) continue
          outstanding += a.posted
          for (const l of lines.get(a.id) ?? []) {
            if (l.transfer.at < from || l.transfer.at >= to) continue
            const s = sums.get(l.transfer.code) ?? { credits: 0, debits: 0 }
            if (l.amount > 0) s.credits += l.amount
            else s.debits -= l.amount
            sums.set(l.transfer.code, s)
          }
        }
        return { byCode: [...sums].map(([code, s]) => ({ code, ...s })), outstanding }
      }),
    leaderboard: (rootId, from, to, limit) =>
      read(() =>
        [...accounts.values()]
          .filter((a) => a.kind === "person" && inSubtree(a, rootId))
          .map((account) => ({
            account,
            // Earned, less the awards reversed in the period.
            earned: (lines.get(account.id) ?? []).reduce((s, l) =>
              l.transfer.at >= from && l.transfer.at < to && ((l.transfer.code === "earn" && l.amount > 0) || (l.transfer.code === "reverse" && l.amount < 0)) ? s + l.amount : s, 0)
          }))
          .filter((r) => r.earned > 0)
          .sort((a, b) => b.earned - a.earned || byId(a.account, b.account))
          .slice(0, limit)
      ),
    verify: read(() => {
      const computed = replay(transfers)
      const differences: Array<BalanceDifference> = []
      let sum = 0
      for (const a of accounts.values()) {
        sum += a.posted
        const c = computed.get(a.id) ?? { posted: 0, held: 0 }
        if (c.posted !== a.posted || c.held !== a.held) differences.push({ accountId: a.id, stored: { posted: a.posted, held: a.held }, computed: c })
      }
      return { accounts: accounts.size, transfers: transfers.length, sum, differences }
    }),

    insertHold: (hold) =>
      write((undo) => {
        if (holds.has(hold.id)) return Exit.fail(duplicateId("hold", hold.id, "duplicate_hold"))
        set(holds, hold.id, hold, undo)
        return Exit.void
      }),
    getHold: (id) => read(() => Option.fromNullishOr(holds.get(id))),
    updateHold: (hold, expectedVersion) => versioned("hold", holds, hold, expectedVersion),
    dueHolds: (now, limit, countyId) =>
      read(() =>
        [...holds.values()]
          .filter((h) => h.status === "pending" && h.timeoutAt !== null && h.timeoutAt <= now && (countyId === undefined || h.countyId === countyId))
          .sort((a, b) => (a.timeoutAt! < b.timeoutAt! ? -1 : a.timeoutAt! > b.timeoutAt! ? 1 : byId(a, b)))
          .slice(0, limit)
      ),
    countOrders: (serviceId, from, to) =>
      read(() => [...holds.values()].filter((h) => h.serviceId === serviceId && (h.status === "pending" || h.status === "posted") && h.placedAt >= from && h.placedAt < to).length),

    insertService: (service) =>
      write((undo) => {
        if (services.has(service.id)) return Exit.fail(duplicateId("service", service.id))
        set(services, service.id, service, undo)
        return Exit.void
      }),
    getService: (id) => read(() => Option.fromNullishOr(services.get(id))),
    updateService: (service, expectedVersion) => versioned("service", services, service, expectedVersion),
    moveStock: (serviceId, delta) =>
      write((undo) => {
        const svc = services.get(serviceId)
        if (svc === undefined || svc.stock === null) return Exit.void
        if (svc.stock + delta < 0) return Exit.fail(conflict("out_of_stock", `${svc.title} has ${svc.stock} left; ${-delta} asked`, `「${svc.title}」仅剩 ${svc.stock} 份，需要 ${-delta} 份`))
        set(services, serviceId, { ...svc, stock: svc.stock + delta }, undo)
        return Exit.void
      }),
    getGuard: (merchantAccountId) => read(() => Option.fromNullishOr(guards.get(merchantAccountId))),
    saveGuard: (guard, expectedVersion) =>
      write((undo) => {
        const actual = guards.get(guard.merchantAccountId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("merchant guard", guard.merchantAccountId, expectedVersion, actual))
        set(guards, guard.merchantAccountId, guard, undo)
        return Exit.void
      }),
    servicesAt: (nodeIds) => read(() => [...services.values()].filter((s) => s.status === "active" && nodeIds.includes(s.nodeId)).sort(byId))
  })

  const idempotencyStore = IdempotencyStore.of({
    find: (actorId, key) => read(() => Option.fromNullishOr(keys.get(`${actorId}\u0000${key}`))),
    save: (record) =>
      write((undo) => {
        const k = `${record.actorId}\u0000${record.key}`
        if (keys.has(k)) return Exit.fail(conflict("idempotency_key_reused", `idempotency key ${record.key} was already used`, `幂等键 ${record.key} 已被使用`))
        set(keys, k, record, undo)
        return Exit.void
      })
  })

  return { pointsStore, idempotencyStore }
}
