/**
 * The ledger's deciders for transfers (the idempotency matrix), accounts and the county's
 * configuration, and the error type of every points decider.
 *
 * @since 0.4.0
 */
import { Result, Schema } from "effect"
import type { Decider } from "../../kernel/decider.js"
import { conflict, type Conflict, type DomainError, type StorageError, staleVersion } from "../../kernel/errors.js"
import { GridNodeId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import { Account, Transfer } from "../model.js"
import { PointsConfig, sameTransfer } from "../rules.js"

/**
 * The errors of the ledger's deciders and of the ports the pipeline runs them with: a
 * decision itself never fails with `StorageError`.
 *
 * @category errors
 * @since 0.4.0
 */
export type LedgerError = DomainError | StorageError

const exists = (id: string): Conflict => conflict("transfer_exists", `transfer ${id} already exists with different content`, `转账 ${id} 已存在且内容不同`)

/**
 * A transfer as a command gives it: everything but who made it and when.
 *
 * @category models
 * @since 0.4.0
 */
export type TransferSpec = Omit<Transfer, "actorId" | "at">

/**
 * A transfer from its spec, by whom and when. Built field by field: batches make thousands,
 * and one object shape keeps them cheap.
 *
 * @category constructors
 * @since 0.4.0
 */
export const transferOf = (t: TransferSpec, actorId: string, at: Instant): Transfer => ({
  id: t.id,
  kind: t.kind,
  debitAccountId: t.debitAccountId,
  creditAccountId: t.creditAccountId,
  amount: t.amount,
  code: t.code,
  category: t.category,
  memo: t.memo,
  cause: t.cause,
  pendingId: t.pendingId,
  reversesId: t.reversesId,
  timeoutAt: t.timeoutAt,
  actorId,
  at
})

/**
 * Transfers as the ledger's aggregate: a committed batch (one or more transfers, the first
 * one's id naming it).
 *
 * @category models
 * @since 0.4.0
 */
export interface Entries {
  readonly transfers: ReadonlyArray<Transfer>
  readonly version: number
}

/**
 * Committing transfers.
 *
 * @category models
 * @since 0.4.0
 */
export interface CommitTransfers {
  readonly _tag: "Commit"
  readonly transfers: ReadonlyArray<TransferSpec>
}

/**
 * What a commit decision needs: the time, the actor's id and any refusal found by reading
 * (a cap reached).
 *
 * @category models
 * @since 0.4.0
 */
export interface TransferContext {
  readonly at: Instant
  readonly actorId: string
  readonly refusal?: LedgerError | undefined
}

/**
 * Transfers committed together.
 *
 * @category models
 * @since 0.4.0
 */
export const TransfersCommitted = Schema.Struct({ type: Schema.Literal("TransfersCommitted"), transfers: Schema.Array(Transfer) })
/** @category models @since 0.4.0 */
export type TransfersCommitted = typeof TransfersCommitted.Type

/**
 * The idempotency matrix as a decider: a batch whose ids are all stored with the same content
 * is a replay (no event); an id stored with other content, or a batch only partly stored, is
 * a `Conflict`; otherwise the refusal found by reading, if any, or the commit.
 *
 * @category rules
 * @since 0.4.0
 */
export const transferDecider: Decider<Entries, CommitTransfers, TransfersCommitted, TransferContext, LedgerError> = {
  decide: (state, command, ctx) => {
    if (state !== undefined && state.transfers.length > 0) {
      const byId = new Map(state.transfers.map((t) => [t.id, t]))
      for (const spec of command.transfers) {
        const old = byId.get(spec.id)
        if (old !== undefined && !sameTransfer(old, transferOf(spec, ctx.actorId, ctx.at))) return Result.fail(exists(spec.id))
      }
      if (byId.size !== command.transfers.length) {
        const first = state.transfers[0]!.id
        return Result.fail(conflict("transfer_exists", `some of these transfers already exist (${first}): a batch is committed all or none`, `部分转账已存在（${first}）：批量转账只能整体提交`))
      }
      return Result.succeed([])
    }
    if (ctx.refusal !== undefined) return Result.fail(ctx.refusal)
    const transfers = new Array<Transfer>(command.transfers.length)
    for (let i = 0; i < transfers.length; i++) transfers[i] = transferOf(command.transfers[i]!, ctx.actorId, ctx.at)
    return Result.succeed([{ type: "TransfersCommitted", transfers }])
  },
  evolve: (_, e) => ({ transfers: e.transfers, version: 0 })
}

/**
 * An account as the pipeline keeps it.
 *
 * @category models
 * @since 0.4.0
 */
export type AccountState = Account & { readonly version: number }

/**
 * An account was opened.
 *
 * @category models
 * @since 0.4.0
 */
export const AccountOpened = Schema.Struct({ type: Schema.Literal("AccountOpened"), account: Account })
/** @category models @since 0.4.0 */
export type AccountOpened = typeof AccountOpened.Type

/**
 * Opening an account: once.
 *
 * @category rules
 * @since 0.4.0
 */
export const accountDecider: Decider<AccountState, { readonly _tag: "Open"; readonly account: Account }, AccountOpened, unknown, LedgerError> = {
  decide: (state, command) =>
    state === undefined
      ? Result.succeed([{ type: "AccountOpened", account: command.account }])
      : Result.fail(conflict("duplicate_account", `account ${state.id} already exists`, `积分账户 ${state.id} 已存在`)),
  evolve: (_, e) => ({ ...e.account, version: 0 })
}

/**
 * A county's points configuration as the pipeline keeps it.
 *
 * @category models
 * @since 0.4.0
 */
export interface ConfigState {
  readonly countyId: GridNodeId
  readonly config: PointsConfig
  readonly version: number
}

/**
 * A county's configuration was replaced.
 *
 * @category models
 * @since 0.4.0
 */
export const PointsConfigured = Schema.Struct({ type: Schema.Literal("PointsConfigured"), countyId: GridNodeId, config: PointsConfig })
/** @category models @since 0.4.0 */
export type PointsConfigured = typeof PointsConfigured.Type

const encodeConfig = Schema.encodeSync(PointsConfig)
const sameConfig = (a: PointsConfig, b: PointsConfig) => JSON.stringify(encodeConfig(a)) === JSON.stringify(encodeConfig(b))

/**
 * Replacing a county's configuration (a county without its own has the defaults, at
 * version 0); the same configuration again changes nothing. A stale `expectedVersion` is a
 * `Conflict`.
 *
 * @category rules
 * @since 0.4.0
 */
export const pointsConfigDecider: Decider<ConfigState, { readonly _tag: "Configure"; readonly countyId: GridNodeId; readonly config: PointsConfig; readonly expectedVersion?: number | undefined }, PointsConfigured, unknown, LedgerError> = {
  decide: (state, command) => {
    const version = state?.version ?? 0
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) return Result.fail(staleVersion("points configuration", command.countyId, command.expectedVersion, version))
    if (state !== undefined && sameConfig(state.config, command.config)) return Result.succeed([])
    return Result.succeed([{ type: "PointsConfigured", countyId: command.countyId, config: command.config }])
  },
  evolve: (_, e) => ({ countyId: e.countyId, config: e.config, version: 0 })
}
