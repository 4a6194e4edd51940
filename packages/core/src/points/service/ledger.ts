/**
 * The ledger's use cases: accounts (open, read, balance, statement), posted transfers
 * (award under a rule and its caps, donation, reversal, adjustment, batches), rewards
 * awarded under a rule for work done at a node, and the expiry of old points. Every
 * transfer is committed through the pipeline with the transfer decider, which holds the
 * idempotency matrix: a repeated id with the same content returns the original, other
 * content is a `Conflict`.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Actor } from "../../kernel/actor.js"
import type { Recorded } from "../../kernel/decider.js"
import { pathOf, type Place } from "../../kernel/directory.js"
import { conflict, type Conflict, type DomainError, forbidden, invalidField, type InvalidInput, notFound, type StorageError } from "../../kernel/errors.js"
import { isCurrentOn } from "../../kernel/identity.js"
import type { GridNodeId } from "../../kernel/ids.js"
import { maskName } from "../../kernel/masking.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "../../kernel/pagination.js"
import { type Instant, localDate, now } from "../../kernel/time.js"
import { accountDecider, type AccountState, type TransferSpec, transferDecider } from "../machine.js"
import type { Account, AccountId, StoredTransfer, Transfer, TransferId } from "../model.js"
import { capRoom, type EarningRule, expiringAmount, mayAward, monthsBefore, type PointsConfig, windows } from "../rules.js"
import type { AwardQuote, Points } from "../service.js"
import type { AccountView, BalanceView } from "../views.js"
import { ACCOUNT, type Fx, type Kit } from "./kit.js"

/** The use cases of accounts and posted transfers. */
export const makeLedger = (kit: Kit): Pick<
  Points["Service"],
  "openAccount" | "getAccount" | "balance" | "statement" | "award" | "donate" | "reverse" | "adjust" | "commitBatch" | "expirePoints" | "quoteAward" | "awardReward"
> => {
  const { access, commands, configOf, directory, holderOr, ids, isOwner, issuerFor, loadAccount, policy, readable, store, target, uow, zoneOf } = kit
  const limitOf = (page: PageRequest | undefined) => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const transferPayload = (transfers: ReadonlyArray<Transfer>) =>
    transfers.length <= 20
      ? { transfers: transfers.map((t) => ({ id: t.id, kind: t.kind, code: t.code, amount: t.amount, debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId })) }
      : { count: transfers.length, amount: transfers.reduce((s, t) => s + t.amount, 0), first: transfers[0]!.id, last: transfers[transfers.length - 1]!.id }

  const spec = (t: Omit<TransferSpec, "category" | "memo" | "cause" | "pendingId" | "reversesId" | "timeoutAt"> & Partial<TransferSpec>): TransferSpec => ({
    id: t.id,
    kind: t.kind,
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amount: t.amount,
    code: t.code,
    category: t.category ?? null,
    memo: t.memo ?? "",
    cause: t.cause ?? null,
    pendingId: t.pendingId ?? null,
    reversesId: t.reversesId ?? null,
    timeoutAt: t.timeoutAt ?? null
  })

  type Refusal = (at: Instant) => Effect.Effect<DomainError | undefined, StorageError>

  // One generator function for every commit (`fnUntraced`), not one made per call: V8 gives
  // each generator function made per call a hidden class in the old generation that keeps
  // what it captured (the whole request) until a full collection.
  const attempt = Effect.fnUntraced(function*(actor: Actor, specs: ReadonlyArray<TransferSpec>, scope: ReadonlyArray<GridNodeId>, refusal: Refusal | undefined, optimistic: boolean) {
    let loaded: ReadonlyArray<StoredTransfer> = []
    let stored: ReadonlyArray<StoredTransfer> = []
    const result = yield* commands.run({
      actor,
      aggregate: "points transfer",
      id: specs[0]!.id,
      decider: transferDecider,
      command: { _tag: "Commit", transfers: specs },
      load: optimistic
        ? Effect.succeed(undefined)
        : Effect.map(store.getTransfers(specs.length === 1 ? [specs[0]!.id] : specs.map((s) => s.id)), (found) => {
          loaded = found
          return found.length === 0 ? undefined : { transfers: found, version: 1 }
        }),
      authorize: () => Effect.void,
      context: (_, at) =>
        refusal === undefined ? Effect.succeed({ at, actorId: actor.id }) : Effect.map(refusal(at), (r) => ({ at, actorId: actor.id, refusal: r })),
      save: (next) => Effect.map(store.commit(next.transfers), (s) => void (stored = s)),
      record: (e): Recorded => ({ type: "points.transfers.committed", scope, payload: transferPayload(e.transfers) })
    })
    if (result.events.length > 0) return { transfers: stored, replayed: false }
    const byId = new Map(loaded.map((t) => [t.id, t]))
    return { transfers: specs.map((s) => byId.get(s.id)!), replayed: true }
  })

  /**
   * Commits posted transfers through the pipeline with the transfer decider: the idempotency
   * matrix (a replay returns the stored originals, another content is a `Conflict`), then the
   * refusal read inside the unit of work (a cap), then the commit and one event.
   *
   * Without a refusal to read, the common case (new ids) is decided first as new, and the
   * store's own refusal of a used id (`duplicate_transfer`, nothing written) sends it back
   * through the decider with the stored transfers: one round of statements for a new batch,
   * as the ledger always did.
   */
  const commit = (actor: Actor, specs: ReadonlyArray<TransferSpec>, scope: ReadonlyArray<GridNodeId>, refusal?: Refusal) =>
    refusal !== undefined
      ? attempt(actor, specs, scope, refusal, false)
      : attempt(actor, specs, scope, undefined, true).pipe(
        Effect.catchIf((e): e is Conflict => e._tag === "Conflict" && e.reason === "duplicate_transfer", () => attempt(actor, specs, scope, undefined, false))
      )

  const balanceOf = (a: Account): BalanceView => ({ accountId: a.id, posted: a.posted, held: a.held, available: a.posted - a.held, floor: a.floor })

  const accountView = (actor: Actor, a: Account, place: Place): AccountView => {
    const show = a.kind !== "person" || isOwner(actor, a) || access.can(actor, "grid.personal.read", pathOf(place))
    return { id: a.id, countyId: a.countyId, nodeId: a.nodeId, kind: a.kind, ownerId: a.ownerId, name: show ? a.name : maskName(a.name), floor: a.floor, masked: !show, createdAt: a.createdAt }
  }

  function ruleOf(config: PointsConfig, category: string): Effect.Effect<EarningRule, InvalidInput> {
    const rule = config.rules.find((r) => r.category === category)
    if (rule !== undefined) return Effect.succeed(rule)
    const known = config.rules.map((r) => r.category).join(", ")
    return Effect.fail(invalidField("category", `refused by the rules: no earning rule for ${category} (known: ${known})`, `积分规则拒绝：没有「${category}」的积分规则（已有：${known}）`))
  }

  /** The cap an award of `amount` to `to` would break now, if any (read inside the unit of work). */
  function capRefusal(to: Account, rule: EarningRule, config: PointsConfig, zone: string, at: Instant, amount: number): Effect.Effect<Conflict | undefined, StorageError> {
    return Effect.gen(function*() {
      const w = windows(at, zone)
      const caps: ReadonlyArray<readonly [number | null, string | null, readonly [Instant, Instant], string, string]> = [
        [rule.dailyCap, rule.category, w.day, `daily cap of ${rule.nameEn}`, `「${rule.nameZh}」每日上限`],
        [rule.monthlyCap, rule.category, w.month, `monthly cap of ${rule.nameEn}`, `「${rule.nameZh}」每月上限`],
        [config.personDailyCap, null, w.day, "daily cap per person", "每人每日上限"],
        [config.personMonthlyCap, null, w.month, "monthly cap per person", "每人每月上限"]
      ]
      for (const [cap, category, [from, until], en, zh] of caps) {
        if (cap === null) continue
        const earned = yield* store.earned(to.id, category, from, until)
        if (earned + amount > cap) {
          return conflict(
            "cap_exceeded",
            `refused by the cap: account ${to.id} has earned ${earned} of the ${en} of ${cap}; ${amount} more would exceed it`,
            `超出上限：账户 ${to.id} 已获得 ${earned} 分，${zh}为 ${cap} 分，再获得 ${amount} 分将超出`
          )
        }
      }
      return undefined
    })
  }

  function quote(actor: Actor, query: { readonly nodeId: GridNodeId; readonly category: string; readonly quantity: number; readonly accountIds: ReadonlyArray<AccountId> }): Fx<AwardQuote> {
    return Effect.gen(function*() {
      const place = yield* access.at(actor, "points.award", query.nodeId, { live: true })
      const path = pathOf(place)
      const { config } = yield* configOf(place.countyId)
      const rule = yield* ruleOf(config, query.category)
      if (!mayAward(policy, actor, rule, path)) {
        return yield* Effect.fail(forbidden(`points.award (${rule.category}: ${rule.awardRoles.join(", ")} within their subtree)`, place.id))
      }
      const issuer = yield* issuerFor(place.countyId, path, place.id)
      const perVolunteer = rule.points * query.quantity
      const accounts = new Map((yield* store.getAccounts(query.accountIds)).map((a) => [a.id, a]))
      for (const id of query.accountIds) {
        const a = accounts.get(id)
        if (a === undefined) return yield* Effect.fail(notFound(ACCOUNT, id))
        if (a.kind !== "person") return yield* Effect.fail(invalidField("accountIds", "points are awarded to person accounts only", "积分只能奖励给个人账户"))
        if (isOwner(actor, a)) return yield* Effect.fail(forbidden("points.award (to one's own account)", a.id, `积分账户 ${a.id}（本人账户）`))
      }
      // The volunteers who did the work at the node: involved, and of its county.
      yield* access.checkAll(actor, "points.award", Array.from(accounts.values(), target), { county: place.countyId, involved: true })
      const zone = yield* zoneOf(place.countyId)
      const at = yield* now
      const w = windows(at, zone)
      const amounts: Array<{ accountId: AccountId; amount: number }> = []
      for (const id of query.accountIds) {
        const room = capRoom(rule, config, {
          categoryDay: yield* store.earned(id, rule.category, w.day[0], w.day[1]),
          categoryMonth: yield* store.earned(id, rule.category, w.month[0], w.month[1]),
          day: yield* store.earned(id, null, w.day[0], w.day[1]),
          month: yield* store.earned(id, null, w.month[0], w.month[1])
        })
        amounts.push({ accountId: id, amount: Math.min(perVolunteer, room) })
      }
      return { issuerId: issuer.id, rule, perVolunteer, amounts }
    })
  }

  // One generator function for every adjustment (`fnUntraced`), not one made per call: V8 gives
  // a generator function made at run time a hidden class in the old generation that keeps what
  // it captured alive through young collections.
  const adjustOnce = Effect.fnUntraced(function*(actor: Actor, command: Parameters<Points["Service"]["adjust"]>[1]) {
    const account = yield* loadAccount(command.accountId)
    const place = yield* access.check(actor, "points.adjust", target(account), { read: "points.read" })
    if (account.kind === "issuer") return yield* Effect.fail(invalidField("accountId", "an issuer is not adjusted against itself", "发行账户不能对自身调整"))
    const path = pathOf(place)
    const issuer = yield* issuerFor(account.countyId, path, account.id)
    const transfer = spec({
      id: command.transferId,
      kind: "posted",
      debitAccountId: command.amount > 0 ? issuer.id : account.id,
      creditAccountId: command.amount > 0 ? account.id : issuer.id,
      amount: Math.abs(command.amount),
      code: "adjust",
      memo: command.reason
    })
    return { transfers: (yield* commit(actor, [transfer], path)).transfers }
  })

  return {
    openAccount: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const place = yield* access.at(actor, command.kind === "issuer" ? "points.configure" : "points.account.open", command.nodeId, { live: true })
        const ownerId = command.ownerId ?? null
        let name = command.name
        if (command.kind === "person" || command.kind === "merchant") {
          if (ownerId === null) return yield* Effect.fail(invalidField("ownerId", `a ${command.kind} account needs its holder, a person of the directory`, "个人和商户账户必须指定持有人（名录中的人员）"))
          const found = yield* directory.personAccess(ownerId)
          if (Option.isNone(found)) return yield* Effect.fail(notFound("person", ownerId))
          const person = found.value
          yield* access.check(actor, "points.account.open", { entity: "person", id: ownerId, nodeId: person.person.nodeId }, { county: place.countyId })
          if (command.kind === "person") name = person.person.name
          else {
            const today = localDate(yield* now, person.timeZone)
            if (!person.posts.some((p) => p.role === "partner" && isCurrentOn(p, today))) {
              return yield* Effect.fail(invalidField("ownerId", "a merchant account is held by a partner's staff member (a person with a current partner post)", "商户账户的持有人必须是睦邻合伙人的工作人员（当前担任合伙人职务）"))
            }
            if (name === undefined) return yield* Effect.fail(invalidField("name", "a merchant account needs the shop's name", "商户账户必须填写店名"))
          }
        } else if (ownerId !== null) {
          return yield* Effect.fail(invalidField("ownerId", `a ${command.kind} account has no holder`, "慈善基金和发行账户没有持有人"))
        } else if (name === undefined) {
          return yield* Effect.fail(invalidField("name", `a ${command.kind} account needs a name`, "必须填写账户名称"))
        }
        const account: Account = {
          id: `acct_${yield* ids.ulid}` as AccountId,
          countyId: place.countyId,
          nodeId: place.id,
          path: pathOf(place),
          kind: command.kind,
          ownerId,
          name: name!,
          floor: command.kind === "issuer" ? null : 0,
          posted: 0,
          held: 0,
          createdAt: yield* now
        }
        const result = yield* commands.run({
          actor,
          aggregate: ACCOUNT,
          id: account.id,
          decider: accountDecider,
          command: { _tag: "Open", account: { ...account } },
          load: Effect.succeed<AccountState | undefined>(undefined),
          authorize: () => Effect.void,
          context: () => Effect.succeed(undefined),
          save: (next) => store.insertAccount({ ...account, createdAt: next.createdAt }),
          record: (e): Recorded => ({ type: "points.account.opened", scope: e.account.path, payload: { kind: e.account.kind, nodeId: e.account.nodeId } })
        })
        return accountView(actor, result.state, place)
      })),

    getAccount: (actor, id) => Effect.map(readable(actor, id), ({ account, place }) => accountView(actor, account, place)),

    balance: (actor, id) => Effect.map(readable(actor, id), ({ account }) => balanceOf(account)),

    statement: (actor, id, page) =>
      Effect.gen(function*() {
        const { account } = yield* readable(actor, id)
        const result = yield* store.statement(id, { after: page?.after, limit: limitOf(page) })
        return { accountId: id, balance: balanceOf(account), items: result.items, next: result.next }
      }),

    award: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const to = yield* loadAccount(command.accountId)
        const place = yield* access.check(actor, "points.award", target(to), { read: "points.read" })
        if (to.kind !== "person") return yield* Effect.fail(invalidField("accountId", "points are awarded to person accounts only", "积分只能奖励给个人账户"))
        if (isOwner(actor, to)) return yield* Effect.fail(forbidden("points.award (to one's own account)", to.id, `积分账户 ${to.id}（本人账户）`))
        const { config } = yield* configOf(to.countyId)
        const rule = yield* ruleOf(config, command.category)
        const path = pathOf(place)
        if (!mayAward(policy, actor, rule, path)) {
          return yield* Effect.fail(forbidden(`points.award (${rule.category}: ${rule.awardRoles.join(", ")} within their subtree)`, to.id))
        }
        const amount = rule.points * (command.quantity ?? 1)
        const issuer = yield* issuerFor(to.countyId, path, to.id)
        const zone = yield* zoneOf(to.countyId)
        const transfer = spec({ id: command.transferId, kind: "posted", debitAccountId: issuer.id, creditAccountId: to.id, amount, code: "earn", category: rule.category, memo: command.memo ?? "", cause: command.cause ?? null })
        const result = yield* commit(actor, [transfer], path, (at) => capRefusal(to, rule, config, zone, at, amount))
        return { transfers: result.transfers }
      })),

    donate: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const from = yield* loadAccount(command.fromAccountId)
        const place = yield* holderOr(actor, from, "points.redeem", "points.adjust")
        const to = yield* loadAccount(command.toAccountId)
        yield* access.check(actor, "grid.tree.read", target(to), { county: from.countyId })
        const { config } = yield* configOf(from.countyId)
        const ok = (to.kind === "charity" && config.donation.toCharity) || (to.kind === "person" && config.donation.toPerson && to.id !== from.id)
        if (!ok) {
          return yield* Effect.fail(invalidField("toAccountId", "must be a charity fund or another person's account, as the county's donation policy allows", "必须是慈善基金或他人（家庭成员）的个人账户，且为本区县捐赠政策所允许"))
        }
        const transfer = spec({ id: command.transferId, kind: "posted", debitAccountId: from.id, creditAccountId: to.id, amount: command.amount, code: "donate", memo: command.memo ?? "" })
        return { transfers: (yield* commit(actor, [transfer], pathOf(place))).transfers }
      })),

    reverse: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getTransfers([command.reversesId])
        const original = found[0]
        if (original === undefined) return yield* Effect.fail(notFound("transfer", command.reversesId))
        // Staff may reverse where they may adjust the account that gives the points back.
        const loser = yield* loadAccount(original.creditAccountId)
        const place = yield* access.check(actor, "points.adjust", target(loser), { read: "points.read" }).pipe(
          Effect.catchTag("NotFound", () => Effect.fail(notFound("transfer", command.reversesId)))
        )
        if (original.kind !== "posted" || original.code === "reverse") {
          return yield* Effect.fail(invalidField("reversesId", "must be a posted transfer that is not itself a reversal (a redemption is undone by cancelling its hold)", "必须是已入账且本身不是冲正的转账（兑换请通过取消冻结撤销）"))
        }
        const transfer = spec({
          id: command.transferId,
          kind: "posted",
          debitAccountId: original.creditAccountId,
          creditAccountId: original.debitAccountId,
          amount: original.amount,
          code: "reverse",
          memo: command.reason,
          cause: { type: "transfer", id: original.id },
          reversesId: original.id
        })
        return { transfers: (yield* commit(actor, [transfer], pathOf(place))).transfers }
      })),

    adjust: (actor, command) => uow.transaction(adjustOnce(actor, command)),

    commitBatch: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const wanted = [...new Set(command.transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))]
        const accounts = new Map((yield* store.getAccounts(wanted)).map((a) => [a.id, a]))
        for (const id of wanted) if (!accounts.has(id)) return yield* Effect.fail(notFound(ACCOUNT, id))
        const county = accounts.get(command.transfers[0]!.debitAccountId)!.countyId
        for (const [i, t] of command.transfers.entries()) {
          if (t.code === "reverse" || t.code === "expire" || t.code === "reward") {
            return yield* Effect.fail(invalidField(`transfers.${i}.code`, `${t.code} transfers are made by their own command`, `${t.code} 类转账须通过专门的操作完成`))
          }
          if (t.debitAccountId === t.creditAccountId) return yield* Effect.fail(invalidField(`transfers.${i}.creditAccountId`, "must differ from the debit account", "不能与付款账户相同"))
          for (const id of [t.debitAccountId, t.creditAccountId]) {
            if (accounts.get(id)!.countyId !== county) return yield* Effect.fail(invalidField(`transfers.${i}`, "every account of a batch must be in one county", "同一批次的账户必须属于同一区县"))
          }
        }
        // Accounts at one node get one answer: one check per node, naming its first account.
        const perNode = new Map<GridNodeId, Account>()
        for (const a of accounts.values()) if (!perNode.has(a.nodeId)) perNode.set(a.nodeId, a)
        yield* access.checkAll(actor, "points.adjust", Array.from(perNode.values(), target), { read: "points.read", county })
        const specs = command.transfers.map((t) =>
          spec({ id: t.id, kind: "posted", debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId, amount: t.amount, code: t.code, memo: t.memo ?? "", cause: t.cause ?? null })
        )
        return { transfers: (yield* commit(actor, specs, [county])).transfers }
      })),

    expirePoints: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "points.configure", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        const { config } = yield* configOf(countyId)
        const at = yield* now
        if (config.expiryMonths === null) return { accounts: 0, expired: 0, transfers: [] }
        const zone = yield* zoneOf(countyId)
        const cutoff = monthsBefore(at, config.expiryMonths, zone)
        const today = localDate(at, zone)
        const made: Array<TransferId> = []
        let accounts = 0
        let expired = 0
        let after: string | undefined
        do {
          const page = yield* store.listAccounts(countyId, "person", { after, limit: 500 })
          for (const a of page.items) {
            accounts++
            yield* uow.transaction(Effect.gen(function*() {
              const current = yield* loadAccount(a.id)
              const basis = yield* store.expiryBasis(a.id, cutoff)
              const amount = expiringAmount(basis.creditsBefore, basis.debitsTotal, current.posted - current.held - (current.floor ?? 0))
              if (amount === 0) return
              const issuer = yield* issuerFor(current.countyId, current.path, current.id)
              const transfer = spec({
                id: `expire:${a.id}:${today}` as TransferId,
                kind: "posted",
                debitAccountId: a.id,
                creditAccountId: issuer.id,
                amount,
                code: "expire",
                memo: `points earned before ${localDate(cutoff, zone)}`,
                cause: { type: "expiry", id: localDate(cutoff, zone) }
              })
              const result = yield* commit(actor, [transfer], current.path)
              if (!result.replayed) {
                made.push(transfer.id)
                expired += amount
              }
            }))
          }
          after = page.next ?? undefined
        } while (after !== undefined)
        return { accounts, expired, transfers: made }
      }),

    quoteAward: (actor, query) => quote(actor, query),

    awardReward: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const q = yield* quote(actor, { nodeId: command.nodeId, category: command.category, quantity: command.quantity, accountIds: command.awards.map((a) => a.accountId) })
        if (command.awards.length === 0) return { transfers: [] }
        const place = yield* access.at(actor, "points.award", command.nodeId)
        const config = (yield* configOf(place.countyId)).config
        const zone = yield* zoneOf(place.countyId)
        const specs = command.awards.map((a) =>
          spec({ id: a.transferId, kind: "posted", debitAccountId: q.issuerId, creditAccountId: a.accountId, amount: a.amount, code: "earn", category: q.rule.category, memo: `reward of ${command.cause.type} ${command.cause.id}`, cause: command.cause })
        )
        const accounts = new Map((yield* store.getAccounts(command.awards.map((a) => a.accountId))).map((a) => [a.id, a]))
        // Each share within the rule's points, and within the caps as they stand in this unit of work.
        const refusal = (at: Instant) =>
          Effect.gen(function*() {
            for (const a of command.awards) {
              if (a.amount > q.perVolunteer) {
                return conflict("reward_above_rule", `${a.amount} points exceed the ${q.perVolunteer} the rule ${q.rule.category} gives`, `${a.amount} 分超过积分规则「${q.rule.nameZh}」给予的 ${q.perVolunteer} 分`)
              }
              const refused = yield* capRefusal(accounts.get(a.accountId)!, q.rule, config, zone, at, a.amount)
              if (refused !== undefined) return refused
            }
            return undefined
          })
        return { transfers: (yield* commit(actor, specs, pathOf(place), refusal)).transfers }
      }))
  }
}
