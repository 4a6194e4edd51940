/**
 * What mediation queries return: case summaries for staff listings, the public disclosure
 * (三公开) without personal data, the overdue list, the statistics, the supervision run's
 * report, and the schemas of the events mediation writes to the feed.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { CategoryCount, ConfigKey } from "../kernel/vocabulary.js"
import { CaseId, CaseState, CaseStatus, DeadlineKind, HandlingLevel, RoundRole, PartySide, Rating, RoundKey, RunningDeadline } from "./model.js"

/**
 * A case in a staff listing: no parties, and its topic masked with the names the case holds
 * (external parties, participants) and every digit run of 7 digits or more.
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
 * The public disclosure of a case (三公开: topic, process, result), without personal data:
 * its text was masked when the case was disclosed (phones and ID-card numbers in any
 * spelling, the names of the people involved and of the residents around the place);
 * parties appear by side, mediators as a count, round participants counted by role,
 * escalations by street or department; only statements marked publishable appear.
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
  parties: Schema.Array(Schema.Struct({ side: PartySide, label: Label })),
  /** How many mediators the case had. */
  mediators: Schema.Int,
  /** 公开过程 */
  process: Schema.Array(DisclosedStep),
  statements: Schema.Array(Schema.Struct({ side: PartySide, label: Label, text: Schema.String, at: Instant })),
  rounds: Schema.Array(Schema.Struct({
    round: RoundKey,
    label: Label,
    participants: Schema.Array(Schema.Struct({ role: RoundRole, label: Label, count: Schema.Int })),
    outcome: Schema.String,
    at: Instant
  })),
  escalations: Schema.Array(Schema.Struct({ level: HandlingLevel, to: Schema.String, deadline: Instant, at: Instant })),
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
 * - `lastYear`: for a closed period, the cases of the same period a year earlier in the
 *   county's calendar and the change (同比); per category too.
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
  byCategory: Schema.Array(CategoryCount),
  byState: Schema.Array(Schema.Struct({ state: CaseState, count: Schema.Int })),
  byLevel: Schema.Array(Schema.Struct({ level: HandlingLevel, count: Schema.Int })),
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  medianHoursToResolve: Schema.NullOr(Schema.Number),
  lastYear: Schema.NullOr(Schema.Struct({ from: Instant, to: Instant, cases: Schema.Int, change: Schema.NullOr(Schema.String) })),
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

// ---------------------------------------------------------------------------
// The feed

const Deadline = Schema.NullOr(RunningDeadline)

/**
 * The events mediation writes to the feed, one schema each: the OpenAPI document describes
 * them. Their payloads carry ids of places, categories, states, levels, counts and times:
 * no name, no person's id, no phone, ID-card or house number, no free text.
 *
 * @category schemas
 * @since 0.4.0
 */
export const MediationFeedEvents = [
  feedEvent("mediation.case.reported", { nodeId: GridNodeId, category: ConfigKey, parties: Schema.Int, attachments: Schema.Int, deadline: Deadline }),
  feedEvent("mediation.case.accepted", { mediators: Schema.Int, deadline: Deadline }),
  feedEvent("mediation.case.declined", { referred: Schema.Boolean }),
  feedEvent("mediation.case.statement_recorded", { party: Schema.Int, publishable: Schema.Boolean, deadline: Deadline }),
  feedEvent("mediation.case.round_recorded", { round: RoundKey, participants: Schema.Int }),
  feedEvent("mediation.case.agreement_recorded", { consents: Schema.Int }),
  feedEvent("mediation.case.no_agreement_recorded", { deadline: Deadline }),
  feedEvent("mediation.case.escalated", {
    level: Schema.Literals(["street", "department"]),
    /** The street node, or the department's code. */
    to: Schema.String,
    deadline: Instant,
    supervisedBy: Schema.Literals(["person", "system"]),
    missed: Schema.NullOr(DeadlineKind)
  }),
  feedEvent("mediation.case.resolved", {}),
  feedEvent("mediation.case.disclosed", {}),
  feedEvent("mediation.case.rated", { ratings: Schema.Array(Schema.Struct({ party: Schema.Int, rating: Rating })) }),
  feedEvent("mediation.case.closed", {}),
  feedEvent("mediation.case.withdrawn", {}),
  feedEvent("mediation.case.reopened", { deadline: Deadline }),
  feedEvent("mediation.config.changed", { changed: Schema.Array(Schema.String) })
] as const
