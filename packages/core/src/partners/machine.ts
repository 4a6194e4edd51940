/**
 * The partner decider: an organisation's lifecycle (register, update, staff, merchant
 * accounts, withdraw, reinstate) with its transition table as data. Pure: the time, the new
 * partner's id and node path, the checked staff member and merchant account come in the
 * context.
 *
 * @since 0.5.0
 */
import { Result } from "effect"
import type { ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { invalidField, type InvalidInput, type InvalidTransition, invalidTransition } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { Partner, PartnerCommand, PartnerEvent, PartnerId, PartnerStaff, PartnerStatus, RegisterPartner } from "./model.js"

/**
 * The commands of the partner decider.
 *
 * @category models
 * @since 0.5.0
 */
export type PartnerDecideCommand = ({ readonly _tag: "Register" } & RegisterPartner) | PartnerCommand

/**
 * What the partner decider needs besides state and command.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerDecideContext {
  readonly at: Instant
  readonly actor: ActorRef
  /** For a registration: the new partner's id, county and node path (the node last). */
  readonly partner?: { readonly id: PartnerId; readonly countyId: GridNodeId; readonly scope: ReadonlyArray<GridNodeId> } | undefined
  /** For `AddStaff`: the person, checked, with their name. */
  readonly staff?: PartnerStaff | undefined
}

/**
 * The partner lifecycle as data: for each status, the commands it accepts and the status
 * they lead to. A command not listed is refused with `InvalidTransition`.
 *
 * @category models
 * @since 0.5.0
 */
export const partnerTransitions: Readonly<Record<PartnerStatus, Partial<Record<Exclude<PartnerDecideCommand["_tag"], "Register">, PartnerStatus>>>> = {
  active: { Update: "active", AddStaff: "active", RemoveStaff: "active", LinkMerchant: "active", Withdraw: "withdrawn" },
  withdrawn: { Reinstate: "active" }
}

const sameNodes = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) => a.length === b.length && a.every((x, i) => x === b[i])
const unique = <A>(xs: ReadonlyArray<A>): Array<A> => [...new Set(xs)]

/**
 * The events a command causes on a partner, or why it is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const decidePartner = (
  state: Partner | undefined,
  command: PartnerDecideCommand,
  context: PartnerDecideContext
): Result.Result<ReadonlyArray<PartnerEvent>, InvalidInput | InvalidTransition> => {
  const { actor, at } = context
  if (command._tag === "Register") {
    if (state !== undefined || context.partner === undefined) return Result.fail(invalidTransition("partner organisation", state?.status ?? "new", "Register"))
    const { countyId, id, scope } = context.partner
    const nodeId = scope[scope.length - 1]!
    return Result.succeed([{
      type: "registered",
      at,
      actor,
      partner: {
        id, countyId, nodeId, scope, type: command.type, name: command.name, serves: unique(command.serves ?? [nodeId]),
        staff: [], merchantAccountIds: [], status: "active", createdAt: at, updatedAt: at, withdrawnAt: null, version: 0
      }
    }])
  }
  if (state === undefined) return Result.fail(invalidTransition("partner organisation", "new", command._tag))
  if (partnerTransitions[state.status][command._tag] === undefined) return Result.fail(invalidTransition("partner organisation", state.status, command._tag))
  switch (command._tag) {
    case "Update": {
      const name = command.name !== undefined && command.name !== state.name ? command.name : undefined
      const serves = command.serves !== undefined && !sameNodes(unique(command.serves), state.serves) ? unique(command.serves) : undefined
      if (name === undefined && serves === undefined) return Result.succeed([])
      return Result.succeed([{ type: "updated", at, actor, ...(name === undefined ? {} : { name }), ...(serves === undefined ? {} : { serves }) }])
    }
    case "AddStaff": {
      const staff = context.staff
      if (staff === undefined) return Result.fail(invalidField("personId", "must be a person of the county", "必须是本区县的人员"))
      const known = state.staff.find((s) => s.personId === staff.personId)
      return Result.succeed(known !== undefined && known.role === staff.role ? [] : [{ type: "staffAdded", at, actor, staff }])
    }
    case "RemoveStaff":
      return Result.succeed(state.staff.some((s) => s.personId === command.personId) ? [{ type: "staffRemoved", at, actor, personId: command.personId }] : [])
    case "LinkMerchant":
      return Result.succeed(state.merchantAccountIds.includes(command.merchantAccountId) ? [] : [{ type: "merchantLinked", at, actor, merchantAccountId: command.merchantAccountId }])
    case "Withdraw":
      return Result.succeed([{ type: "withdrawn", at, actor }])
    case "Reinstate":
      return Result.succeed([{ type: "reinstated", at, actor }])
  }
}

/**
 * A partner after one event.
 *
 * @category rules
 * @since 0.5.0
 */
export const evolvePartner = (state: Partner | undefined, event: PartnerEvent): Partner => {
  if (event.type === "registered") return event.partner
  const s = { ...state!, updatedAt: event.at }
  switch (event.type) {
    case "updated":
      return { ...s, name: event.name ?? s.name, serves: event.serves ?? s.serves }
    case "staffAdded":
      return { ...s, staff: [...s.staff.filter((x) => x.personId !== event.staff.personId), event.staff] }
    case "staffRemoved":
      return { ...s, staff: s.staff.filter((x) => x.personId !== event.personId) }
    case "merchantLinked":
      return { ...s, merchantAccountIds: [...s.merchantAccountIds, event.merchantAccountId] }
    case "withdrawn":
      return { ...s, status: "withdrawn", withdrawnAt: event.at, withdrawals: [...(s.withdrawals ?? []), { withdrawnAt: event.at, reinstatedAt: null }] }
    case "reinstated": {
      // The history keeps the withdrawal; one from before it was kept starts it from `withdrawnAt`.
      const past = s.withdrawals ?? (s.withdrawnAt === null ? [] : [{ withdrawnAt: s.withdrawnAt, reinstatedAt: null }])
      const last = past[past.length - 1]
      const withdrawals = last !== undefined && last.reinstatedAt === null ? [...past.slice(0, -1), { ...last, reinstatedAt: event.at }] : past
      return { ...s, status: "active", withdrawnAt: null, withdrawals }
    }
  }
}

/**
 * The partner decider.
 *
 * @category rules
 * @since 0.5.0
 */
export const partnerDecider: Decider<Partner, PartnerDecideCommand, PartnerEvent, PartnerDecideContext, InvalidInput | InvalidTransition> = {
  decide: decidePartner,
  evolve: evolvePartner
}
