/**
 * The reports use cases: the county's reporting settings, the KPI report, the ledger of
 * work a page at a time, the headline report, and each as a sheet. Reads are for staff with
 * `reports.read` at the subtree's root; the settings are the county's.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option, Result, Schema } from "effect"
import type { ActivitiesStore } from "../activities/store.js"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import type { Directory } from "../kernel/directory.js"
import { type Conflict, type Forbidden, fromSchemaError, invalidField, type InvalidInput, type InvalidTransition, type NotFound, type StorageError } from "../kernel/errors.js"
import type { HeadlineCounter, HeadlineQuery } from "../kernel/headline.js"
import type { IdGenerator } from "../kernel/ids.js"
import type { GridNodeId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from "../kernel/pagination.js"
import type { Sheet } from "../kernel/sheet.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { addDays, type CalendarDate, DEFAULT_TIME_ZONE, localDate, now, startOfDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type { PlacesStore } from "../places/store.js"
import { seedCounters } from "./counters.js"
import { periodCategoryCounts, periodFacts } from "./rollup.js"
import { ConfigureReports, type HeadlineReport, type KpiReport, type LedgerEntry, type ReportPeriod, ReportPeriod as ReportPeriodSchema, type ReportsConfig, type ReportsConfigEvent, WorkKind } from "./model.js"
import { layerLedgerReaction, rebuildLedger } from "./reaction.js"
import { yearChangePercent, defaultReportsConfig, monthDays, sumKpisBy, kpiTotalOf, yearBefore, yearOnYearOf } from "./rules.js"
import { type LedgerCursor, ReportsStore } from "./store.js"
import { headlineSheet, kpiSheet, ledgerSheet } from "./views.js"

/**
 * Every error a reports use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type ReportsError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, ReportsError>

/**
 * A page of the ledger: the period and the page.
 *
 * @category models
 * @since 0.5.0
 */
export interface LedgerPageRequest extends ReportPeriod {
  readonly after?: string | undefined
  readonly limit?: number | undefined
}

/**
 * The reports use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Reports extends Context.Service<Reports, {
  /** Changes the county's reporting settings (`reports.configure` in the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureReports) => Fx<ReportsConfig>
  /** The county's reporting settings (its staff). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<ReportsConfig>
  /** The KPI report of a subtree and period. */
  readonly kpis: (actor: Actor, rootId: GridNodeId, period?: ReportPeriod) => Fx<KpiReport>
  /** The ledger of a subtree and period, in the order opened, a page at a time. */
  readonly ledger: (actor: Actor, rootId: GridNodeId, request?: LedgerPageRequest) => Fx<Page<LedgerEntry>>
  /** The headline report of a subtree and period. */
  readonly headline: (actor: Actor, rootId: GridNodeId, period?: ReportPeriod) => Fx<HeadlineReport>
  /** The KPI report, the whole ledger or the headline report of a subtree and period as a sheet. */
  readonly sheet: (actor: Actor, report: "kpis" | "ledger" | "headline", rootId: GridNodeId, period?: ReportPeriod) => Fx<Sheet>
}>()("@mulin/core/reports/Reports") {
  /**
   * The use cases over the stores and the kernel's services, with the seed's counters and
   * `more` (another context's counters: taken as they are).
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layerNoDeps = <R = never>(more: ReadonlyArray<HeadlineCounter> | Effect.Effect<ReadonlyArray<HeadlineCounter>, never, R> = []) =>
    Layer.effect(Reports, Effect.gen(function*() {
      const extra = Effect.isEffect(more) ? yield* more : more
      return makeReports({
        store: yield* ReportsStore,
        grid: yield* GridStore,
        access: yield* Access,
        commands: yield* Commands,
        counters: [...(yield* seedCounters), ...extra]
      })
    }))

  /**
   * {@link Reports.layerNoDeps} with the kernel provided.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer = <R = never>(more: ReadonlyArray<HeadlineCounter> | Effect.Effect<ReadonlyArray<HeadlineCounter>, never, R> = []): Layer.Layer<
    Reports,
    never,
    R | ReportsStore | GridStore | PlacesStore | ActivitiesStore | Directory | UnitOfWork | EventLog | IdGenerator
  > => Reports.layerNoDeps(more).pipe(Layer.provide(layerKernel))

  /** The ledger's reaction (see `reaction.ts`). */
  static readonly layerReaction = layerLedgerReaction
  /** Replays the event log onto the ledger. */
  static readonly rebuild = rebuildLedger
}

interface Deps {
  readonly store: ReportsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
  readonly counters: ReadonlyArray<HeadlineCounter>
}

const configDecider: Decider<ReportsConfig, ConfigureReports, ReportsConfigEvent, { readonly at: string; readonly actor: { readonly id: string; readonly kind: Actor["kind"] } }, ReportsError> = {
  decide: (state, command, { actor, at }) => {
    const next = { ...state!, ...(command.responseHours === undefined ? {} : { responseHours: command.responseHours }), ...(command.complaintCategories === undefined ? {} : { complaintCategories: command.complaintCategories }) }
    const changed = (["responseHours", "complaintCategories"] as const).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(state![k]))
    return Result.succeed(changed.length === 0 ? [] : [{ type: "configured", at, actor, config: { ...next, updatedAt: at }, changed }])
  },
  evolve: (_state, event) => event.config
}

const decodeConfigure = Schema.decodeUnknownEffect(ConfigureReports)
const decodePeriod = Schema.decodeUnknownEffect(ReportPeriodSchema)
const isKind = Schema.is(WorkKind)
const SHEET_PAGE = MAX_PAGE_SIZE

interface Window {
  readonly from: CalendarDate
  readonly to: CalendarDate
}

const makeReports = ({ access, commands, counters, grid, store }: Deps): Reports["Service"] => {
  const zoneOf = (countyId: GridNodeId) => Effect.map(grid.getCounty(countyId), (c) => (Option.isSome(c) ? c.value.timeZone : DEFAULT_TIME_ZONE))
  const loadConfig = (countyId: GridNodeId) => Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultReportsConfig(countyId)))

  /** The root, checked, with its path, zone and the period's days. */
  const scoped = (actor: Actor, rootId: GridNodeId, input: ReportPeriod | undefined) =>
    Effect.gen(function*() {
      const period = yield* Effect.mapError(decodePeriod(input ?? {}, { errors: "all" }), (e) => fromSchemaError(e))
      const place = yield* access.at(actor, "reports.read", rootId)
      const zone = yield* zoneOf(place.countyId)
      let days: Window
      if (period.month !== undefined) {
        if (period.from !== undefined || period.to !== undefined) return yield* Effect.fail(invalidField("month", "must not be given with from or to", "不能与 from 或 to 同时给出"))
        const [from, to] = monthDays(period.month)
        days = { from, to }
      } else if (period.from !== undefined || period.to !== undefined) {
        if (period.from === undefined || period.to === undefined) return yield* Effect.fail(invalidField(period.from === undefined ? "from" : "to", "must be given with the other end of the period", "必须与期间的另一端一同给出"))
        if (period.to < period.from) return yield* Effect.fail(invalidField("to", "must not be before from", "不能早于 from"))
        if (addDays(period.from, 365) < period.to) return yield* Effect.fail(invalidField("to", "must be at most 366 days after from", "距 from 不能超过 366 天"))
        days = { from: period.from, to: period.to }
      } else {
        const [from, to] = monthDays(localDate(yield* now, zone).slice(0, 7))
        days = { from, to }
      }
      const scope = [...place.path, place.id]
      const query = { scope, from: startOfDate(days.from, zone), to: startOfDate(addDays(days.to, 1), zone) }
      return { place, zone, days, scope, query }
    })

  const decodeCursor = (after: string | undefined): Effect.Effect<LedgerCursor | undefined, InvalidInput> => {
    if (after === undefined) return Effect.succeed(undefined)
    const [openedAt, kind, id] = after.split("~")
    return openedAt !== undefined && kind !== undefined && id !== undefined && isKind(kind) && !Number.isNaN(Date.parse(openedAt))
      ? Effect.succeed({ openedAt, kind, id })
      : Effect.fail(invalidField("after", "must be a cursor returned by a previous page", "必须是上一页返回的游标"))
  }
  const cursorOf = (e: LedgerEntry) => `${e.openedAt}~${e.kind}~${e.id}`

  const kpis: Reports["Service"]["kpis"] = (actor, rootId, period) =>
    Effect.gen(function*() {
      const { days, place, query, zone } = yield* scoped(actor, rootId, period)
      const config = yield* loadConfig(place.countyId)
      const responseSeconds = config.responseHours * 3600
      const facts = yield* periodFacts(store, { scope: query.scope, from: days.from, to: days.to, zone }, responseSeconds)
      const before = yield* periodCategoryCounts(store, { scope: query.scope, from: yearBefore(days.from), to: yearBefore(days.to), zone })
      const children = sumKpisBy(facts, (f) => f.child ?? place.id)
      const names = new Map((yield* grid.getNodes(children.map(([id]) => id))).map((n) => [n.id as string, n.name]))
      return {
        rootId: place.id,
        from: days.from,
        to: days.to,
        timeZone: zone,
        responseHours: config.responseHours,
        total: kpiTotalOf(facts),
        bySubtree: children.map(([nodeId, f]) => ({ nodeId, name: names.get(nodeId) ?? (nodeId === place.id ? place.name : nodeId), ...f })),
        byCategory: sumKpisBy(facts, (f) => f.category).map(([category, f]) => ({ category, ...f })),
        byChannel: sumKpisBy(facts, (f) => f.channel).map(([channel, f]) => ({ channel, ...f })),
        byKind: sumKpisBy(facts, (f) => f.kind).map(([kind, f]) => ({ kind, ...f })),
        yearOnYear: yearOnYearOf(facts, before)
      }
    })

  const ledger: Reports["Service"]["ledger"] = (actor, rootId, request = {}) =>
    Effect.gen(function*() {
      const { after: afterText, limit: wanted, ...period } = request
      const { query } = yield* scoped(actor, rootId, period)
      const after = yield* decodeCursor(afterText)
      const limit = Math.min(Math.max(1, Math.floor(wanted ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
      const page = yield* store.page({ ...query, after, limit })
      return { items: page.items, next: page.more && page.items.length > 0 ? cursorOf(page.items[page.items.length - 1]!) : null }
    })

  const headline: Reports["Service"]["headline"] = (actor, rootId, period) =>
    Effect.gen(function*() {
      const { days, place, query, scope, zone } = yield* scoped(actor, rootId, period)
      const q: HeadlineQuery = { countyId: place.countyId, rootId: place.id, rootPath: scope, from: days.from, to: days.to, window: [query.from, query.to], timeZone: zone }
      const figures = yield* Effect.forEach(counters, (c) => Effect.map(c.count(q), (value) => ({ key: c.key, en: c.en, zh: c.zh, value })))
      const work = figures.find((f) => f.key === "complaints")?.value ?? 0
      const lastYear = figures.find((f) => f.key === "complaints_last_year")?.value ?? 0
      return { rootId: place.id, from: days.from, to: days.to, figures, complaints: { category: "complaints", work, lastYear, changePercent: yearChangePercent(lastYear, work) } }
    })

  return Reports.of({
    configure: (actor, countyId, input) =>
      Effect.gen(function*() {
        const command = yield* Effect.mapError(decodeConfigure(input, { errors: "all" }), (e) => fromSchemaError(e))
        const result = yield* commands.run({
          actor,
          aggregate: "reports configuration",
          id: countyId,
          decider: configDecider,
          command,
          load: loadConfig(countyId),
          authorize: () => Effect.asVoid(access.inCounty(actor, "reports.configure", countyId)),
          context: (_, at) => Effect.succeed({ at, actor: { id: actor.id, kind: actor.kind } }),
          save: (next, expected) => store.saveConfig(next, expected),
          record: (event, after) => ({ type: "reports.config.changed", scope: [after.countyId], payload: { changed: event.changed } })
        })
        return result.state
      }),
    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "reports.read", countyId), loadConfig(countyId)),
    kpis,
    ledger,
    headline,
    sheet: (actor, report, rootId, period) =>
      report === "kpis"
        ? Effect.map(kpis(actor, rootId, period), kpiSheet)
        : report === "headline"
        ? Effect.map(headline(actor, rootId, period), headlineSheet)
        : Effect.gen(function*() {
          const rows: Array<LedgerEntry> = []
          let after: string | undefined
          for (;;) {
            const page = yield* ledger(actor, rootId, { ...period, after, limit: SHEET_PAGE })
            rows.push(...page.items)
            if (page.next === null) return ledgerSheet(rows)
            after = page.next
          }
        })
  })
}
