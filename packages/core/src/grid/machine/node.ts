/**
 * The node decider: create, update, move and archive a node of the grid.
 *
 * @since 0.4.0
 */
import { Result } from "effect"
import type { Decider, Recorded } from "../../kernel/decider.js"
import { pathOf, type Place } from "../../kernel/directory.js"
import { conflict } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import type { ArchiveNode, CountyCreated, CreateNode, GridNode, LevelTemplate, MoveNode, NodeArchived, NodeCreated, NodeMoved, NodeUpdated, UpdateNode } from "../model.js"
import { checkMove, childLevel } from "../rules.js"
import { recordCountyEvent } from "./county.js"
import { archived, duplicateCode, type GridDecisionError, missing, nodeName, nodeNameZh, nothing, ok, refuse, stale } from "./shared.js"

/**
 * A command on a node.
 *
 * @category models
 * @since 0.4.0
 */
export type NodeCommand =
  | { readonly type: "CreateNode"; readonly input: CreateNode }
  | { readonly type: "UpdateNode"; readonly input: UpdateNode }
  | { readonly type: "MoveNode"; readonly input: MoveNode }
  | { readonly type: "ArchiveNode"; readonly input: ArchiveNode }

/**
 * An event of a node's life; a county's root node starts with {@link CountyCreated}.
 *
 * @category models
 * @since 0.4.0
 */
export type NodeEvent = CountyCreated | NodeCreated | NodeUpdated | NodeMoved | NodeArchived

/**
 * What the node decider needs besides the node: the time, and per command what it
 * references.
 *
 * @category models
 * @since 0.4.0
 */
export interface NodeContext {
  readonly at: Instant
  /** CreateNode: the new node's id. */
  readonly id?: GridNodeId | undefined
  /** CreateNode: the parent; MoveNode: the new parent (both as the scope check returned them). */
  readonly parent?: Place | undefined
  /** CreateNode: the county's levels. */
  readonly levels?: LevelTemplate | undefined
  /** CreateNode, UpdateNode, MoveNode: whether a live node under the (new) parent already has the code. */
  readonly codeTaken?: boolean | undefined
  /** ArchiveNode: the node's live children and households. */
  readonly live?: { readonly children: number; readonly households: number } | undefined
}


/** The node must exist, be live and be at the version the command expects. */
const writable = (state: GridNode | undefined, expectedVersion: number | undefined): GridDecisionError | undefined =>
  state === undefined
    ? missing("grid node")
    : state.status !== "active"
    ? archived(nodeName(state), nodeNameZh(state))
    : stale("grid node", state.id, state.version, expectedVersion)

/**
 * The rules of a node: created under a live parent at a deeper level, renamed, moved
 * under a live parent of the same county at a shallower level (never below itself), and
 * archived once its live children and households are gone (or with them, by cascade).
 * A command that changes nothing decides no event.
 *
 * @category deciders
 * @since 0.4.0
 */
export const nodeDecider: Decider<GridNode, NodeCommand, NodeEvent, NodeContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    switch (command.type) {
      case "CreateNode": {
        const parent = ctx.parent!
        const input = command.input
        if (state !== undefined) return refuse(duplicateCode(`node ${state.id} exists`, `节点 ${state.id} 已存在`))
        if (parent.status !== "active") return refuse(archived(nodeName(parent), nodeNameZh(parent)))
        const level = childLevel({ levels: ctx.levels! }, parent, input.level)
        if (Result.isFailure(level)) return refuse(level.failure)
        if (ctx.codeTaken === true) return refuse(duplicateCode(`another node under the same parent already has code ${input.code}`, `同一上级下已有代码为 ${input.code} 的节点`))
        return ok([{
          type: "grid.node.created",
          node: {
            id: ctx.id!,
            countyId: parent.countyId,
            parentId: parent.id,
            path: pathOf(parent),
            level: level.success.level,
            depth: level.success.depth,
            code: input.code,
            name: input.name,
            partyOrganisation: input.partyOrganisation ?? null,
            status: "active",
            version: 1,
            createdAt: ctx.at,
            updatedAt: ctx.at
          }
        }])
      }
      case "UpdateNode": {
        const input = command.input
        const refused = writable(state, input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const name = input.name ?? node.name
        const code = input.code ?? node.code
        const partyOrganisation = input.partyOrganisation === undefined ? node.partyOrganisation : input.partyOrganisation
        if (name === node.name && code === node.code && partyOrganisation === node.partyOrganisation) return nothing()
        if (code !== node.code && ctx.codeTaken === true) {
          return refuse(duplicateCode(`another node under the same parent already has code ${code}`, `同一上级下已有代码为 ${code} 的节点`))
        }
        return ok([{ type: "grid.node.updated", name, code, partyOrganisation, at: ctx.at }])
      }
      case "MoveNode": {
        const refused = writable(state, command.input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const parent = ctx.parent!
        if (parent.id === node.parentId) return nothing()
        const valid = checkMove(node, parent)
        if (Result.isFailure(valid)) return refuse(valid.failure)
        if (ctx.codeTaken === true) return refuse(duplicateCode(`${parent.name} already has a child with code ${node.code}`, `${parent.name} 下已有代码为 ${node.code} 的节点`))
        return ok([{ type: "grid.node.moved", fromParentId: node.parentId, toParentId: parent.id, path: pathOf(parent), at: ctx.at }])
      }
      case "ArchiveNode": {
        const refused = writable(state, command.input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const cascade = command.input.cascade ?? false
        const live = ctx.live ?? { children: 0, households: 0 }
        if (!cascade && (live.children > 0 || live.households > 0)) {
          return refuse(conflict(
            "has_live_children",
            `${node.name} still has ${live.children} live children and ${live.households} live households: archive them first or cascade`,
            `${node.name} 仍有 ${live.children} 个下级节点和 ${live.households} 户住户：请先归档或选择级联归档`
          ))
        }
        return ok([{ type: "grid.node.archived", cascade, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.county.created":
        return event.root
      case "grid.node.created":
        return event.node
      case "grid.node.updated":
        return { ...state!, name: event.name, code: event.code, partyOrganisation: event.partyOrganisation, version: state!.version + 1, updatedAt: event.at }
      case "grid.node.moved":
        return { ...state!, parentId: event.toParentId, path: event.path, version: state!.version + 1, updatedAt: event.at }
      case "grid.node.archived":
        return { ...state!, status: "archived", version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * What the store did besides the node itself, which the feed reports: how many
 * descendants a move carried, how many nodes and households a cascade archived.
 *
 * @category models
 * @since 0.4.0
 */
export interface NodeFacts {
  readonly descendants?: number | undefined
  readonly archivedNodes?: number | undefined
  readonly archivedHouseholds?: number | undefined
}

/**
 * A node's event in the feed, at the node.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordNodeEvent = (event: NodeEvent, after: GridNode, facts: NodeFacts = {}): Recorded => {
  const scope = pathOf(after)
  switch (event.type) {
    case "grid.county.created":
      return recordCountyEvent(event)
    case "grid.node.created":
      return { type: event.type, scope, payload: { parentId: after.parentId, level: after.level, code: after.code, name: after.name, partyOrganisation: after.partyOrganisation } }
    case "grid.node.updated":
      return { type: event.type, scope, payload: { name: event.name, code: event.code, partyOrganisation: event.partyOrganisation } }
    case "grid.node.moved":
      return { type: event.type, scope, payload: { fromParentId: event.fromParentId, toParentId: event.toParentId, descendants: facts.descendants ?? 0 } }
    case "grid.node.archived":
      return { type: event.type, scope, payload: { cascade: event.cascade, archivedNodes: facts.archivedNodes ?? 0, archivedHouseholds: facts.archivedHouseholds ?? 0 } }
  }
}
