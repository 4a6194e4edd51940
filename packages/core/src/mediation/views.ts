/**
 * What mediation queries return: case summaries for staff listings, the public disclosure
 * (三公开) with every personal field masked, the overdue list, the statistics and the
 * supervision run's report.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { CaseId, CaseState, CaseStatus, DeadlineKind, HandlingLevel, Rating, RoundKey } from "./model.js"

/**
 * A case in a staff listing: no personal data.
 *
 * @category views
 * @since 0.2.0
 */
export const CaseSummary = Schema.Struct({
  id: CaseId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  placeName: Schema.String,
  category: Schema.String,
  title: Schema.String,
  state: CaseState,
  status: CaseStatus,
  level: HandlingLevel,
  department: Schema.NullOr(Schema.String),
  dueAt: Schema.NullOr(Instant),
  reportedAt: Instant,
  version: Schema.Int
})
/** @category views @since 0.2.0 */
export type CaseSummary = typeof CaseSummary.Type

const Label = Schema.Struct({ en: Schema.String, zh: Schema.String })

/**
 * One step of the published process.
 *
 * @category views
 * @since 0.2.0
 */
export const DisclosedStep = Schema.Struct({
  step: Schema.String,
  label: Label,
  at: Instant,
  level: HandlingLevel
})
/** @category views @since 0.2.0 */
export type DisclosedStep = typeof DisclosedStep.Type

/**
 * The public disclosure of a case (三公开: topic, process, result). Every personal field is
 * masked (张*, 138****1234, 3708**********1234, 3-2-***), free text has every party's and
 * mediator's personal data replaced by its mask, and only statements marked publishable
 * appear.
 *
 * @category views
 * @since 0.2.0
 */
export const Disclosure = Schema.Struct({
  caseId: CaseId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  placeName: Schema.String,
  category: Schema.Struct({ key: Schema.String, nameZh: Schema.String, nameEn: Schema.String }),
  /** 公开议题 */
  topic: Schema.String,
  parties: Schema.Array(Schema.Struct({
    side: Schema.String,
    name: Schema.String,
    phone: Schema.NullOr(Schema.String),
    idCardNumber: Schema.NullOr(Schema.String),
    houseNumber: Schema.NullOr(Schema.String)
  })),
  mediators: Schema.Array(Schema.String),
  /** 公开过程 */
  process: Schema.Array(DisclosedStep),
  statements: Schema.Array(Schema.Struct({ party: Schema.String, text: Schema.String, at: Instant })),
  rounds: Schema.Array(Schema.Struct({ round: RoundKey, label: Label, participants: Schema.Array(Schema.String), outcome: Schema.String, at: Instant })),
  escalations: Schema.Array(Schema.Struct({ level: HandlingLevel, to: Schema.String, deadline: Instant, supervisor: Schema.String, at: Instant })),
  /** 公开结果 */
  result: Schema.Struct({
    state: CaseState,
    label: Label,
    level: HandlingLevel,
    agreement: Schema.NullOr(Schema.String),
    outcome: Schema.NullOr(Schema.String),
    resolvedAt: Schema.NullOr(Instant)
  }),
  satisfaction: Schema.Struct({
    ratings: Schema.Int,
    byRating: Schema.Array(Schema.Struct({ rating: Rating, count: Schema.Int }))
  }),
  disclosedAt: Instant
})
/** @category views @since 0.2.0 */
export type Disclosure = typeof Disclosure.Type

/**
 * A case past its current deadline.
 *
 * @category views
 * @since 0.2.0
 */
export const OverdueCase = Schema.Struct({
  id: CaseId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  category: Schema.String,
  state: CaseState,
  level: HandlingLevel,
  deadline: DeadlineKind,
  dueAt: Instant,
  hoursOverdue: Schema.Number,
  /** Where the supervision run would escalate it; `null` when already with a department. */
  escalatesTo: Schema.NullOr(Schema.Literals(["street", "department"]))
})
/** @category views @since 0.2.0 */
export type OverdueCase = typeof OverdueCase.Type

const Rate = Schema.Struct({ count: Schema.Int, of: Schema.Int, percent: Schema.Number })

/**
 * Mediation statistics for a subtree and period.
 *
 * - 响应率 `responseRate`: cases accepted or declined, of all reported.
 * - 解决率 `resolutionRate`: cases resolved, of those accepted.
 * - 满意率 `satisfactionRate`: party ratings "satisfied" or "basically satisfied", of all ratings.
 * - `medianHoursToResolve`: from report to resolution, over resolved cases.
 * - `onTime`: per level, the cases that reached it and missed no deadline there.
 *
 * @category views
 * @since 0.2.0
 */
export const MediationStatistics = Schema.Struct({
  rootId: GridNodeId,
  from: Schema.NullOr(Instant),
  to: Schema.NullOr(Instant),
  cases: Schema.Int,
  open: Schema.Int,
  byCategory: Schema.Array(Schema.Struct({ category: Schema.String, nameZh: Schema.String, nameEn: Schema.String, count: Schema.Int })),
  byState: Schema.Array(Schema.Struct({ state: CaseState, count: Schema.Int })),
  byLevel: Schema.Array(Schema.Struct({ level: HandlingLevel, count: Schema.Int })),
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  medianHoursToResolve: Schema.NullOr(Schema.Number),
  onTime: Schema.Array(Schema.Struct({ level: HandlingLevel, reached: Schema.Int, onTime: Schema.Int, percent: Schema.Number }))
})
/** @category views @since 0.2.0 */
export type MediationStatistics = typeof MediationStatistics.Type

/**
 * What one supervision run did.
 *
 * @category views
 * @since 0.2.0
 */
export const SupervisionReport = Schema.Struct({
  at: Instant,
  /** Overdue cases found. */
  overdue: Schema.Int,
  escalated: Schema.Array(Schema.Struct({ id: CaseId, to: Schema.Literals(["street", "department"]), missed: DeadlineKind })),
  /** Escalated meanwhile by another run, changed meanwhile, or with nowhere to go (department level, no department configured). */
  skipped: Schema.Array(Schema.Struct({ id: CaseId, reason: Schema.String }))
})
/** @category views @since 0.2.0 */
export type SupervisionReport = typeof SupervisionReport.Type
