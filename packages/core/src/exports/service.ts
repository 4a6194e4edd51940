/**
 * The exports registry: every named export the contexts contribute, and the one way to run
 * one for a caller, a subtree and a period, with the caller's scope checked once, at the
 * subtree's root, through `Access` (`exports.read`, staff only).
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { type Directory, pathOf } from "../kernel/directory.js"
import { type DomainError, invalidField, notFound, type StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Sheet, SheetExport } from "../kernel/sheet.js"
import { addDays, CalendarDate, DEFAULT_TIME_ZONE, startOfDate, todayIn } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"

/**
 * The period an export covers, days of the county's calendar, both inclusive. Default:
 * from the first of January of the current year to today.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetExportPeriod {
  readonly from?: string | undefined
  readonly to?: string | undefined
}

/**
 * An export run: which export and the sheets it produced.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetExportResult {
  readonly export: SheetExport
  readonly sheets: ReadonlyArray<Sheet>
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly timeZone: string
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The registered exports.
 *
 * @category services
 * @since 0.5.0
 */
export class SheetExports extends Context.Service<SheetExports, {
  /** Every registered export, in the order registered. */
  readonly list: ReadonlyArray<SheetExport>
  /**
   * Runs the export `name` for `actor` over the subtree at `rootId` and `period`: `NotFound`
   * for an unknown export or a node out of the caller's scope, `Forbidden` without
   * `exports.read` there, `InvalidInput` (naming `from` or `to`) for a bad period.
   */
  readonly run: (actor: Actor, name: string, rootId: GridNodeId, period?: SheetExportPeriod) => Effect.Effect<SheetExportResult, DomainError | StorageError>
}>()("@mulin/core/exports/SheetExports") {
  /**
   * The registry of the exports `contributions` build (each an effect that reads the
   * services it needs, once). Two exports with the same name, or a name that is not lower
   * case letters, digits and single `-`, is a defect when the layer is built.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer = <const C extends ReadonlyArray<Effect.Effect<ReadonlyArray<SheetExport>, never, any>>>(contributions: C): Layer.Layer<SheetExports, never, Effect.Services<C[number]> | GridStore | Directory> =>
    Layer.effect(SheetExports, Effect.gen(function*() {
      const access = yield* Access
      const grid = yield* GridStore
      const list: Array<SheetExport> = []
      const byName = new Map<string, SheetExport>()
      for (const contribution of contributions) {
        for (const e of yield* contribution) {
          if (!NAME.test(e.name)) return yield* Effect.die(new Error(`export name "${e.name}" must be lower case letters, digits and single "-"`))
          if (byName.has(e.name)) return yield* Effect.die(new Error(`two exports are named "${e.name}"`))
          byName.set(e.name, e)
          list.push(e)
        }
      }
      const dateOf = (field: "from" | "to", value: string | undefined, fallback: CalendarDate) => {
        if (value === undefined) return Effect.succeed(fallback)
        return Schema.is(CalendarDate)(value)
          ? Effect.succeed(value)
          : Effect.fail(invalidField(field, "must be a date YYYY-MM-DD", "必须是 YYYY-MM-DD 格式的日期"))
      }
      return SheetExports.of({
        list,
        run: (actor, name, rootId, period) =>
          Effect.gen(function*() {
            const e = byName.get(name)
            if (e === undefined) return yield* Effect.fail(notFound("export", name))
            const root = yield* access.at(actor, "exports.read", rootId)
            const zone = Option.match(yield* grid.getCounty(root.countyId), { onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone })
            const today = yield* todayIn(zone)
            const from = yield* dateOf("from", period?.from, `${today.slice(0, 4)}-01-01`)
            const to = yield* dateOf("to", period?.to, today)
            if (from > to) return yield* Effect.fail(invalidField("to", `must not be before from (${from})`, `不得早于开始日期（${from}）`))
            const rootPath = pathOf(root)
            const sheets = yield* e.sheets({
              actor,
              countyId: root.countyId,
              rootId,
              rootPath,
              from,
              to,
              window: [startOfDate(from, zone), startOfDate(addDays(to, 1), zone)],
              timeZone: zone
            })
            return { export: e, sheets, from, to, timeZone: zone }
          })
      })
    })).pipe(Layer.provide(Access.layer))
}
