/**
 * The grid use cases of the tree: counties and nodes, their summaries and coverage.
 *
 * @internal
 */
import { Effect, Option } from "effect"
import type { Place } from "../../kernel/directory.js"
import { forbidden, notFound } from "../../kernel/errors.js"
import { type GridNodeId, newGridNodeId } from "../../kernel/ids.js"
import { todayIn } from "../../kernel/time.js"
import { countyDecider, nodeDecider, recordCountyEvent, recordNodeEvent } from "../machine.js"
import { computeCoverage } from "../rules.js"
import type { Grid } from "../service.js"
import type { Kit } from "./kit.js"

/** The use cases of the tree: counties and nodes, their summaries and coverage. */
export const treeUseCases = (kit: Kit): Pick<Grid["Service"], "createCounty" | "listCounties" | "getCounty" | "createNode" | "updateNode" | "moveNode" | "archiveNode" | "getNode" | "findNode" | "ancestors" | "children" | "summary" | "coverage"> => {
  const { access, decode, directory, fresh, limitOf, loadCounty, nodeAt, run, store, zones } = kit
  return {
    createCounty: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createCounty(input)
        const id = yield* fresh(newGridNodeId)
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: countyDecider,
          command,
          load: Effect.succeed(undefined),
          authorize: () => (access.can(actor, "county.create", []) ? Effect.void : Effect.fail(forbidden("county.create", "the whole store", "全库"))),
          context: (_, at) => Effect.map(store.findCountyByCode(command.code), (found) => ({ at, id, codeTaken: Option.isSome(found) })),
          save: (next) => store.insertCounty(next.county, next.root),
          record: (event) => recordCountyEvent(event)
        })
        zones.set(id, state.county.timeZone)
        return state.county
      }),

    listCounties: (actor) =>
      Effect.gen(function*() {
        const counties = yield* store.listCounties
        const scopes = access.scopes(actor, "grid.tree.read")
        if (scopes === "*") return counties
        const visible = new Set((yield* directory.getPlaces(scopes)).map((p) => p.countyId))
        return counties.filter((c) => visible.has(c.id))
      }),

    // A county's template is readable by anyone who works somewhere inside it.
    getCounty: (actor, id) => Effect.andThen(access.inCounty(actor, "grid.tree.read", id), loadCounty(id)),

    createNode: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createNode(input)
        const id = yield* fresh(newGridNodeId)
        let parent!: Place
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "CreateNode", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.node.write", command.parentId), (p) => void (parent = p)),
          context: (_, at) =>
            Effect.gen(function*() {
              const county = yield* loadCounty(parent.countyId)
              const taken = yield* store.findChildByCode(parent.id, command.code)
              return { at, id, parent, levels: county.levels, codeTaken: Option.isSome(taken) }
            }),
          save: (next) => store.insertNodes([next]),
          record: (event, after) => recordNodeEvent(event, after)
        })
        return state
      }),

    updateNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.updateNode(input)
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "UpdateNode", input: command },
          // Loaded through the scope check: the node is the place it acts at.
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (node, at) =>
            Effect.map(
              command.code === undefined || command.code === node!.code || node!.parentId === null ? Effect.succeed(Option.none()) : store.findChildByCode(node!.parentId, command.code),
              (taken) => ({ at, codeTaken: Option.isSome(taken) })
            ),
          save: (next, expected) => store.updateNode(next, expected),
          record: (event, after) => recordNodeEvent(event, after)
        })
        return state
      }),

    moveNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.moveNode(input)
        let descendants = 0
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "MoveNode", input: command },
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (node, at) =>
            Effect.gen(function*() {
              // The new parent through the scope check, in the node's county.
              const parent = yield* access.at(actor, "grid.node.write", command.newParentId, { county: node!.countyId })
              const taken = parent.id === node!.parentId ? Option.none() : yield* store.findChildByCode(parent.id, node!.code)
              return { at, parent, codeTaken: Option.isSome(taken) }
            }),
          save: (next, expected) => Effect.map(store.moveSubtree(next, expected), (n) => void (descendants = n)),
          record: (event, after) => recordNodeEvent(event, after, { descendants })
        })
        return state
      }),

    archiveNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.archiveNode(input)
        let counts = { nodes: 0, households: 0 }
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "ArchiveNode", input: command },
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (_, at) => Effect.map(store.countLive(id), (live) => ({ at, live })),
          save: (next, expected, before) =>
            Effect.gen(function*() {
              if (command.cascade === true) counts = yield* store.archiveDescendants(before!, next.updatedAt)
              yield* store.updateNode(next, expected)
            }),
          record: (event, after) => recordNodeEvent(event, after, { archivedNodes: counts.nodes, archivedHouseholds: counts.households })
        })
        return { node: state, archivedNodes: counts.nodes, archivedHouseholds: counts.households }
      }),

    // The node as the store keeps it (a store may check its rows as it reads them), once the
    // scope check admits it: checked as read, so the hottest read of the API reads it once.
    getNode: (actor, id) =>
      Effect.flatMap(store.getNode(id), (found) =>
        Option.isNone(found)
          ? Effect.fail(notFound("grid node", id))
          : Effect.as(access.checkLoaded(actor, "grid.tree.read", found.value, { entity: "grid node", id, nodeId: id }), found.value)),

    findNode: (actor, codePath) =>
      Effect.gen(function*() {
        const [countyCode, ...codes] = codePath.split("/")
        const county = yield* store.findCountyByCode(countyCode ?? "")
        if (Option.isNone(county)) return yield* Effect.fail(notFound("grid node", codePath))
        let id: GridNodeId = county.value.id
        for (const code of codes) {
          const child = yield* store.findChildByCode(id, code)
          if (Option.isNone(child)) return yield* Effect.fail(notFound("grid node", codePath))
          id = child.value.id
        }
        return yield* nodeAt(actor, "grid.tree.read", id).pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("grid node", codePath))))
      }),

    ancestors: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* access.at(actor, "grid.tree.read", id)
        const found = yield* store.getNodes(node.path)
        const byId = new Map(found.map((n) => [n.id, n]))
        // Only the part of the path the actor may read: its scope and below.
        return node.path.flatMap((a, i) => {
          const n = byId.get(a)
          return n !== undefined && access.can(actor, "grid.tree.read", node.path.slice(0, i + 1)) ? [n] : []
        })
      }),

    children: (actor, id, page) =>
      Effect.andThen(access.at(actor, "grid.tree.read", id), store.listChildren(id, { after: page?.after, limit: limitOf(page) })),

    summary: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* nodeAt(actor, "grid.tree.read", id)
        const county = yield* loadCounty(node.countyId)
        const [byLevel, counts] = yield* Effect.all([store.countByLevel(id), store.countHouseholds(id)])
        const count = new Map(byLevel.map((l) => [l.level, l.count]))
        return {
          node,
          levels: county.levels.slice(node.depth).map((l) => ({ level: l.key, nameZh: l.nameZh, nameEn: l.nameEn, count: count.get(l.key) ?? 0 })),
          households: counts.households,
          residents: counts.residents
        }
      }),

    coverage: (actor, id, options) =>
      Effect.gen(function*() {
        const node = yield* access.at(actor, "grid.tree.read", id)
        const county = yield* loadCounty(node.countyId)
        const date = options?.date ?? (yield* todayIn(county.timeZone))
        const [outline, assignments, above, ancestors] = yield* Effect.all([
          store.outline(id),
          store.currentAssignmentsIn(id, date, ["building_leader", "party_member"]),
          store.currentAssignmentsAt(node.path, date),
          store.getNodes(node.path)
        ])
        return computeCoverage({
          rootId: id,
          date,
          unitDepth: county.levels.length - 1,
          outline,
          assignments,
          inherited: {
            buildingLeader: above.some((a) => a.role === "building_leader"),
            partyMember: above.some((a) => a.role === "party_member"),
            partyOrganisation: ancestors.some((a) => a.partyOrganisation !== null)
          },
          limit: Math.min(Math.max(0, Math.floor(options?.limit ?? 100)), 10_000)
        })
      })
  }
}
