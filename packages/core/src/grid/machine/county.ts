/**
 * The county decider: a county is created with its root node, once.
 *
 * @since 0.4.0
 */
import type { Decider, Recorded } from "../../kernel/decider.js"
import type { GridNodeId } from "../../kernel/ids.js"
import { DEFAULT_TIME_ZONE, type Instant } from "../../kernel/time.js"
import { defaultLevels } from "../model.js"
import type { County, CountyCreated, CreateCounty, GridNode } from "../model.js"
import { duplicateCode, type GridDecisionError, ok, refuse } from "./shared.js"

/**
 * A county with its root node.
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyState {
  readonly county: County
  readonly root: GridNode
  readonly version: number
}

/**
 * What the county decider needs: the time, the new county's id and whether its code is taken.
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyContext {
  readonly at: Instant
  readonly id: GridNodeId
  readonly codeTaken: boolean
}

/**
 * A county is created once, with its root node at the first level of its template.
 *
 * @category deciders
 * @since 0.4.0
 */
export const countyDecider: Decider<CountyState, CreateCounty, CountyCreated, CountyContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    if (state !== undefined || ctx.codeTaken) return refuse(duplicateCode(`a county with code ${command.code} exists`, `代码为 ${command.code} 的区县已存在`))
    const levels = command.levels ?? defaultLevels
    const county: County = { id: ctx.id, code: command.code, name: command.name, levels, timeZone: command.timeZone ?? DEFAULT_TIME_ZONE, createdAt: ctx.at }
    const root: GridNode = {
      id: ctx.id,
      countyId: ctx.id,
      parentId: null,
      path: [],
      level: levels[0]!.key,
      depth: 0,
      code: command.code,
      name: command.name,
      partyOrganisation: command.partyOrganisation ?? null,
      status: "active",
      version: 1,
      createdAt: ctx.at,
      updatedAt: ctx.at
    }
    return ok([{ type: "grid.county.created", county, root }])
  },
  evolve: (_, event) => ({ county: event.county, root: event.root, version: 1 })
}

/**
 * The county's event in the feed: its code, name, levels and time zone, at the county.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordCountyEvent = (event: CountyCreated): Recorded => ({
  type: event.type,
  scope: [event.county.id],
  payload: { code: event.county.code, name: event.county.name, levels: event.county.levels, timeZone: event.county.timeZone }
})
