/**
 * Bulk import of a county's grid from the CSV files counties keep in Excel: the hierarchy
 * (`nodes.csv`), the households with their residents (`households.csv`), the person
 * directory (`people.csv`) and the role assignments (`assignments.csv`).
 *
 * Guarantees:
 * - Every cell is decoded by the core schemas, text by the same rules as the shared
 *   vocabulary (`textProblem`: one line, no control, bidirectional or zero-width characters,
 *   no lone surrogate, NFC) and ID-card numbers by `idCardProblem` (a real region, a real
 *   birth date not in the future, the check character); every reference is checked; all
 *   problems are reported together ({@link ImportRejected}: file, row, column, reason in English and
 *   Chinese), and then nothing is written.
 * - The import is one unit of work: it is written completely or not at all.
 * - It is idempotent: entities are matched by natural key (node path; unit and door
 *   number; person code; person, node, role and start date). Importing the same files
 *   again writes nothing and appends no event; an entity whose data changed is updated
 *   (version + 1, one event).
 * - The actor needs `grid.import` on every node the files name (and `county.create` when
 *   the import creates the county).
 * - Every created or updated entity gets one event, of the same type as the `Grid` use
 *   cases emit and recorded by the same projection (`recordHouseholdEvent`, …), so the
 *
 * The import runs in five steps, each in its own module under `import/`: the format as
 * data (`format`), reading CSV text into records (`read`), decoding the cells (`decode`),
 * a pure plan of the operations from the decoded rows and what the store holds (`plan`,
 * after `load`), and applying the plan (`apply`).
 *   feed shows it as {@link GridFeedEvents} describes; no event carries personal data.
 *
 * The files' format, column by column, is documented in `examples/county-import/README.md`
 * and available as data in {@link importColumns}.
 *
 * @since 0.1.0
 */
import { Clock, Context, Effect, Layer, Result, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import { forbidden } from "../kernel/errors.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, localDate, now, TimeZoneId } from "../kernel/time.js"
import { applyPlan } from "./import/apply.js"
import { decodeAll } from "./import/decode.js"
import type { ImportError, ImportOptions, ImportPhase, ImportReport, ImportSource } from "./import/format.js"
import { Issues, MAX_ISSUES, rejected } from "./import/issues.js"
import { loadExisting, LOOKUP_LIMIT, nothingStored } from "./import/load.js"
import { plan } from "./import/plan.js"
import { type Table, tableOf } from "./import/read.js"
import { GridStore } from "./store.js"

export * from "./import/format.js"

/**
 * The bulk-import use case.
 *
 * @category services
 * @since 0.1.0
 */
export class GridImport extends Context.Service<GridImport, {
  /**
   * Imports one county's files (all paths must start with the same county code).
   * Fails with {@link ImportRejected} listing every invalid row, with `Forbidden` when the
   * actor lacks `grid.import` on a node the files name, and writes nothing in either case.
   */
  readonly importCounty: (actor: Actor, source: ImportSource, options?: ImportOptions) => Effect.Effect<ImportReport, ImportError>
}>()("@mulin/core/grid/GridImport") {
  /**
   * The import over the ports and the one scope check (`Access`), provided to itself from
   * `layerKernel`. The permission policy is read once, when the layer is built: provide
   * `PermissionPolicy` to replace the default.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<GridImport, never, GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(GridImport, Effect.gen(function*() {
    const store = yield* GridStore
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    const ids = yield* IdGenerator
    const access = yield* Access
    return GridImport.of({ importCounty: (actor, source, options) => runImport({ store, log, uow, ids, access }, actor, source, options ?? {}) })
  })).pipe(Layer.provide(layerKernel))
}
const BATCH = 5000

interface Deps {
  readonly store: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly access: Access["Service"]
}

const runImport = (deps: Deps, actor: Actor, source: ImportSource, options: ImportOptions): Effect.Effect<ImportReport, ImportError> =>
  Effect.gen(function*() {
    const { access, ids, log, store, uow } = deps
    const started = yield* Clock.currentTimeMillis
    const report = (phase: ImportPhase, done: number, total: number) => options.onProgress?.({ phase, done, total })
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? BATCH))
    const dryRun = options.dryRun === true
    const lookupLimit = options.lookupLimit ?? LOOKUP_LIMIT

    const scopes = access.scopes(actor, "grid.import")
    if (scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("grid.import", "any node"))

    // 1. Read and decode every row (pure).
    const issues = new Issues(Math.max(0, options.maxIssues ?? MAX_ISSUES))
    const tables = [
      tableOf("nodes.csv", source.nodes, issues),
      tableOf("households.csv", source.households, issues),
      tableOf("people.csv", source.people, issues),
      tableOf("assignments.csv", source.assignments, issues)
    ].filter((t): t is Table => t !== undefined)
    const zone = options.timeZone ?? DEFAULT_TIME_ZONE
    if (!Schema.is(TimeZoneId)(zone)) {
      issues.add("nodes.csv", 1, "", `the timeZone option ${zone} must be an IANA time zone name such as Asia/Shanghai`, `timeZone 选项 ${zone} 必须是 IANA 时区名称，例如 Asia/Shanghai`)
      return yield* Effect.fail(rejected(issues))
    }
    const d = decodeAll(tables, issues, localDate(started, zone), (done, total) => report("validate", done, total))
    // A file that could not be read at all would make every reference to it look broken.
    if (tables.length < 4) return yield* Effect.fail(rejected(issues))
    const countyCode = d.countyCode

    const work = Effect.gen(function*() {
      const at = yield* now
      const context = { can: (action: "grid.import" | "county.create", path: ReadonlyArray<GridNodeId>) => access.can(actor, action, path), at, levels: options.levels }
      // 2. Load what the store holds of the county (without a county code there is nothing
      // to load: the plan says why), 3. plan (pure), 4. apply.
      const existing = countyCode === undefined ? nothingStored : yield* loadExisting(store, d, countyCode, lookupLimit, (done, total) => report("load", done, total))
      const planned = plan(d, existing, context)
      if (Result.isFailure(planned)) return yield* Effect.fail(planned.failure)
      const p = planned.success
      const applied = yield* applyPlan({ store, log, ids, actor, at, timeZone: zone, batchSize, dryRun, report }, d, p)
      const finished = yield* Clock.currentTimeMillis
      const result: ImportReport = {
        countyId: applied.countyId,
        countyCode: p.countyCode,
        countyCreated: p.countyCreated,
        nodes: p.counts.nodes,
        households: p.counts.households,
        residents: p.counts.residents,
        people: p.counts.people,
        assignments: p.counts.assignments,
        events: dryRun ? 0 : applied.events,
        dryRun,
        durationMs: finished - started
      }
      return result
    })
    return yield* uow.transaction(work)
  })
