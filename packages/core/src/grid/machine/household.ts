/**
 * The household decider: register a household and replace its residents.
 *
 * @since 0.4.0
 */
import type { Decider, Recorded } from "../../kernel/decider.js"
import type { Place } from "../../kernel/directory.js"
import { invalidField, type InvalidInput } from "../../kernel/errors.js"
import type { GridNodeId, HouseholdId, ResidentId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import type { CreateHousehold, Household, HouseholdCreated, HouseholdUpdated, Resident, ResidentInput, UpdateHousehold } from "../model.js"
import { archived, duplicateCode, type GridDecisionError, missing, nodeName, nodeNameZh, nothing, ok, refuse, stale } from "./shared.js"

/**
 * A command on a household.
 *
 * @category models
 * @since 0.4.0
 */
export type HouseholdCommand =
  | { readonly type: "CreateHousehold"; readonly input: CreateHousehold }
  | { readonly type: "UpdateHousehold"; readonly input: UpdateHousehold }

/**
 * An event of a household's life.
 *
 * @category models
 * @since 0.4.0
 */
export type HouseholdEvent = HouseholdCreated | HouseholdUpdated

/**
 * What the household decider needs: the time, fresh ids, the unit and the county's
 * smallest level (to create), and whether a new door number is taken (to update).
 *
 * @category models
 * @since 0.4.0
 */
export interface HouseholdContext {
  readonly at: Instant
  /** CreateHousehold: the new household's id. */
  readonly id?: HouseholdId | undefined
  /** CreateHousehold: the unit, as the scope check returned it. */
  readonly unit?: Place | undefined
  /** CreateHousehold: the depth and names of the county's smallest level. */
  readonly smallest?: { readonly depth: number; readonly nameEn: string; readonly nameZh: string } | undefined
  /** Fresh ids for residents new to the household, at least one per resident in the command. */
  readonly residentIds: ReadonlyArray<ResidentId>
  /** UpdateHousehold: whether another live household of the unit has the new door number. */
  readonly codeTaken?: boolean | undefined
}

/** Two residents of one household must not share an ID-card number. */
const repeatedIdCard = (residents: ReadonlyArray<ResidentInput>): InvalidInput | undefined => {
  const seen = new Map<string, number>()
  for (const [i, r] of residents.entries()) {
    if (r.idCardNumber == null) continue
    const j = seen.get(r.idCardNumber)
    if (j !== undefined) return invalidField(`residents.${i}.idCardNumber`, `repeats the ID-card number of residents.${j}`, `与 residents.${j} 的身份证号重复`)
    seen.set(r.idCardNumber, i)
  }
  return undefined
}

/**
 * The residents a command lists, keeping the id of each resident who stays (the same
 * ID-card number, else the same name; each stored resident matched once) and taking fresh
 * ids for the others, in order.
 *
 * @category rules
 * @since 0.4.0
 */
export const settleResidents = (inputs: ReadonlyArray<ResidentInput>, previous: ReadonlyArray<Resident>, fresh: ReadonlyArray<ResidentId>): Array<Resident> => {
  const used = new Set<ResidentId>()
  const kept = new Array<ResidentId | undefined>(inputs.length)
  const take = (i: number, match: (p: Resident) => boolean) => {
    if (kept[i] !== undefined) return
    const p = previous.find((p) => !used.has(p.id) && match(p))
    if (p !== undefined) {
      used.add(p.id)
      kept[i] = p.id
    }
  }
  // By ID card first; then by name, a stored resident without an ID card before one with it.
  inputs.forEach((r, i) => r.idCardNumber != null && take(i, (p) => p.idCardNumber === r.idCardNumber))
  inputs.forEach((r, i) => r.idCardNumber == null && take(i, (p) => p.idCardNumber === null && p.name === r.name))
  inputs.forEach((r, i) => r.idCardNumber == null && take(i, (p) => p.name === r.name))
  let next = 0
  return inputs.map((r, i) => {
    return {
      id: kept[i] ?? fresh[next++]!,
      name: r.name,
      phone: r.phone ?? null,
      idCardNumber: r.idCardNumber ?? null,
      relation: r.relation ?? "other",
      partyMember: r.partyMember ?? false
    }
  })
}

const sameResidents = (a: ReadonlyArray<Resident>, b: ReadonlyArray<Resident>): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const s = b[i]!
    return r.id === s.id && r.name === s.name && r.phone === s.phone && r.idCardNumber === s.idCardNumber && r.relation === s.relation && r.partyMember === s.partyMember
  })

/**
 * The rules of a household: registered in a live unit at the county's smallest level,
 * with residents whose ID-card numbers do not repeat; its door number and residents
 * replaced (the same residents keep their ids). A command that changes nothing decides
 * no event.
 *
 * @category deciders
 * @since 0.4.0
 */
export const householdDecider: Decider<Household, HouseholdCommand, HouseholdEvent, HouseholdContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    switch (command.type) {
      case "CreateHousehold": {
        const input = command.input
        const unit = ctx.unit!
        const smallest = ctx.smallest!
        if (state !== undefined) return refuse(duplicateCode(`household ${state.id} exists`, `住户 ${state.id} 已存在`))
        if (unit.status !== "active") return refuse(archived(nodeName(unit), nodeNameZh(unit)))
        if (unit.depth !== smallest.depth) {
          return refuse(invalidField("nodeId", `households belong to the smallest level (${smallest.nameEn}), not ${unit.level}`, `住户只能挂在最小层级（${smallest.nameZh}）上，而不是 ${unit.level}`))
        }
        const repeated = repeatedIdCard(input.residents)
        if (repeated !== undefined) return refuse(repeated)
        return ok([{
          type: "grid.household.created",
          household: {
            id: ctx.id!,
            countyId: unit.countyId,
            nodeId: unit.id,
            code: input.code,
            residents: settleResidents(input.residents, [], ctx.residentIds),
            status: "active",
            version: 1,
            createdAt: ctx.at,
            updatedAt: ctx.at
          }
        }])
      }
      case "UpdateHousehold": {
        const input = command.input
        if (state === undefined) return refuse(missing("household"))
        if (state.status !== "active") return refuse(archived(`household ${state.id}`, `住户 ${state.id} `))
        const version = stale("household", state.id, state.version, input.expectedVersion)
        if (version !== undefined) return refuse(version)
        if (input.residents !== undefined) {
          const repeated = repeatedIdCard(input.residents)
          if (repeated !== undefined) return refuse(repeated)
        }
        const code = input.code ?? state.code
        const residents = input.residents === undefined ? state.residents : settleResidents(input.residents, state.residents, ctx.residentIds)
        if (code === state.code && sameResidents(residents, state.residents)) return nothing()
        if (code !== state.code && ctx.codeTaken === true) {
          return refuse(duplicateCode(`another household in this unit already has door number ${code}`, `本单元已有门牌号为 ${code} 的住户`))
        }
        return ok([{ type: "grid.household.updated", code, residents, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.household.created":
        return event.household
      case "grid.household.updated":
        return { ...state!, code: event.code, residents: event.residents, version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * A household's event in the feed, at its unit: the door number and how many residents,
 * never who they are.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordHouseholdEvent = (event: HouseholdEvent, after: Household, scope: ReadonlyArray<GridNodeId>): Recorded =>
  event.type === "grid.household.created"
    ? { type: event.type, scope, payload: { nodeId: after.nodeId, code: after.code, residents: after.residents.length } }
    : { type: event.type, scope, payload: { code: event.code, residents: event.residents.length } }
