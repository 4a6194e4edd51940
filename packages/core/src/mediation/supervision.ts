/**
 * The supervision run (督办): every overdue case escalated once per missed deadline, each
 * through the command pipeline as the system actor. The cases due are read in one query
 * per batch and escalated in one unit of work per batch (`Commands.batches`); a batch that
 * fails runs again case by case, as a run of one case at a time would.
 *
 * @since 0.5.0
 */
import { Effect, Schema } from "effect"
import type { AccessService } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import type { CommandResult, Commands } from "../kernel/decider.js"
import { type Directory, pathOf, type Place } from "../kernel/directory.js"
import { type Forbidden, forbidden, fromSchemaError, notFound, type NotFound, type StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Action } from "../kernel/permissions.js"
import { now } from "../kernel/time.js"
import type { CaseCommand, CaseEvent, CaseId, HandlingLevel, MediationCase, MediationConfig, RunningDeadline } from "./model.js"
import { RunSupervision } from "./model.js"
import { departmentFor, escalationTarget } from "./rules.js"
import type { MediationError } from "./service.js"
import type { MediationStore } from "./store.js"
import type { SupervisionReport } from "./views.js"

/** A case already read, with its county's configuration and the places of a batch: the pipeline does not read them again. */
export interface LoadedCase {
  readonly case: MediationCase
  readonly config: MediationConfig
  readonly places?: ReadonlyMap<GridNodeId, Place> | undefined
}

/** What the supervision run is made of. */
export interface SupervisionDeps {
  readonly store: MediationStore["Service"]
  readonly access: AccessService
  readonly directory: Directory["Service"]
  readonly commands: Commands["Service"]
  readonly system: Actor
  readonly loadConfig: (countyId: GridNodeId) => Effect.Effect<MediationConfig, StorageError>
  readonly requireCountyWide: (actor: Actor, action: Action, countyId: GridNodeId) => Effect.Effect<Place, NotFound | Forbidden | StorageError>
  /** Runs one command on a case through the pipeline; `missed` marks the escalation for that deadline. */
  readonly runCase: (actor: Actor, id: CaseId, command: CaseCommand, missed?: RunningDeadline, loaded?: LoadedCase) => Effect.Effect<CommandResult<MediationCase, CaseEvent>, MediationError>
}

const decodeSupervision = Schema.decodeUnknownEffect(RunSupervision)

interface Due {
  readonly id: CaseId
  readonly countyId: GridNodeId
  readonly to: Exclude<HandlingLevel, "community">
  readonly command: CaseCommand
  readonly missed: RunningDeadline
}

type Outcome = "escalated" | string

/**
 * The supervision run over a store: see `Mediation.runSupervision`.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeSupervision = ({ access, commands, directory, loadConfig, requireCountyWide, runCase, store, system }: SupervisionDeps) =>
(actor: Actor, input: { readonly countyId?: GridNodeId | undefined; readonly limit?: number | undefined } = {}): Effect.Effect<SupervisionReport, MediationError> =>
  Effect.gen(function*() {
    const options = yield* Effect.mapError(decodeSupervision(input, { errors: "all" }), (e) => fromSchemaError(e))
    let scope: ReadonlyArray<GridNodeId> | undefined
    if (options.countyId !== undefined) {
      const county = yield* requireCountyWide(actor, "mediation.supervise", options.countyId)
      scope = pathOf(county)
    } else if (access.scopes(actor, "mediation.supervise") !== "*") {
      return yield* Effect.fail(forbidden("mediation.supervise", "the whole store", "全部区县"))
    }
    const at = yield* now
    const rows = yield* store.overdue({ now: at, scope, limit: Math.max(1, Math.floor(options.limit ?? 10_000)) })
    const configs = new Map<GridNodeId, MediationConfig>()
    const configOf = (countyId: GridNodeId) =>
      Effect.suspend(() => {
        const hit = configs.get(countyId)
        return hit !== undefined ? Effect.succeed(hit) : Effect.tap(loadConfig(countyId), (c) => Effect.sync(() => configs.set(countyId, c)))
      })
    // What each overdue case gets, in the scan's order: an escalation, or why not.
    const plan: Array<Due | { readonly id: CaseId; readonly reason: string }> = []
    for (const row of rows) {
      const to = escalationTarget(row.level, row.kind)
      if (to === null) {
        plan.push({ id: row.id, reason: "already with a department: reported as overdue only" })
        continue
      }
      const config = yield* configOf(row.countyId)
      const department = to === "department" ? departmentFor(config, row.category) : null
      if (to === "department" && department === null) {
        plan.push({ id: row.id, reason: "no department takes this category" })
        continue
      }
      plan.push({
        id: row.id,
        countyId: row.countyId,
        to,
        command: { _tag: "Escalate", to, ...(department === null ? {} : { department }), reason: `deadline missed: ${row.kind} due ${row.dueAt}` },
        missed: { kind: row.kind, dueAt: row.dueAt }
      })
    }
    const due = plan.filter((p): p is Due => "command" in p)
    // Scheduled work acts as the system actor, for this missed deadline only: the decider
    // decides nothing when the case runs against another deadline by now.
    const escalate = (d: Due, loaded?: LoadedCase) =>
      Effect.map(runCase(system, d.id, d.command, d.missed, loaded), (r): Outcome => (r.events.length === 0 ? "changed since the scan" : "escalated"))
    const outcomes = yield* commands.batches(
      due,
      (chunk) =>
        Effect.gen(function*() {
          const found = new Map((yield* store.getMany(chunk.map((d) => d.id))).map((c) => [c.id, c]))
          // The places on the cases' paths, read once in the batch's unit of work with the
          // cases (most share their upper levels), for the scope check and the street.
          const ids = new Set<GridNodeId>()
          for (const c of found.values()) for (const id of c.scope) ids.add(id)
          const places = new Map((yield* directory.getPlaces([...ids])).map((p) => [p.id, p]))
          const out: Array<Outcome> = []
          for (const d of chunk) {
            const c = found.get(d.id)
            if (c === undefined) return yield* Effect.fail(notFound("mediation case", d.id))
            out.push(yield* escalate(d, { case: c, config: yield* configOf(c.countyId), places }))
          }
          return out
        }),
      (d) =>
        escalate(d).pipe(
          Effect.catchTag("Conflict", (e) => Effect.succeed(e.reason === "already_escalated" ? "already escalated by another run" : "changed by another writer")),
          Effect.catchTag(["InvalidInput", "InvalidTransition", "NotFound", "Forbidden"], (e) => Effect.succeed(`cannot escalate: ${e.message}`))
        )
    )
    const byId = new Map(due.map((d, i) => [d.id, { d, outcome: outcomes[i]! }]))
    const escalated: Array<SupervisionReport["escalated"][number]> = []
    const skipped: Array<SupervisionReport["skipped"][number]> = []
    for (const p of plan) {
      const done = byId.get(p.id)
      if (done === undefined || !("command" in p)) {
        if ("reason" in p) skipped.push({ id: p.id, reason: p.reason })
        continue
      }
      if (done.outcome === "escalated") escalated.push({ id: p.id, to: done.d.to, missed: done.d.missed.kind })
      else skipped.push({ id: p.id, reason: done.outcome })
    }
    return { at, overdue: rows.length, escalated, skipped }
  })
