/**
 * The mediation context's schemas (矛盾调解): a county's mediation configuration (categories,
 * deadlines, the department registry), the case with its parties and its record of the
 * "listen once, deliberate three times, publish three times" method (一听三议三公开), and the
 * commands that move a case along.
 *
 * Parties' names, phones, ID-card numbers and house numbers are personal data: they live
 * on the case, are readable only by the staff handling it, never enter the event log, and
 * are masked in every public view (see `rules.ts`).
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { LevelKey } from "../grid/model.js"
import { IdCardNumber, Phone, Text } from "../kernel/text.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

// ---------------------------------------------------------------------------
// Ids and keys

/**
 * A mediation case (调解案件): `med_<ULID>`.
 *
 * @category ids
 * @since 0.2.0
 */
export const CaseId = Schema.String.check(idCheck("med", { en: "a mediation case", zh: "调解案件" })).pipe(Schema.brand("CaseId"))
/** @category ids @since 0.2.0 */
export type CaseId = typeof CaseId.Type

/**
 * A fresh {@link CaseId}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const newCaseId: Effect.Effect<CaseId, never, IdGenerator> = IdGenerator.use((ids) => Effect.map(ids.ulid, (u) => `med_${u}` as CaseId))

/**
 * A key of the county's configuration (a category, a department): lower-case letters,
 * digits and `_`.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ConfigKey = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, rule(
    "must be a key of lower-case letters, digits and _ (at most 40), e.g. water_leak",
    "必须是由小写字母、数字或下划线组成的代码（最多 40 个），例如 water_leak"
  ))
)

// ---------------------------------------------------------------------------
// States, levels, rounds

/**
 * The detailed state of a case. See `machine.ts` for the transitions.
 *
 * @category models
 * @since 0.2.0
 */
export const CaseState = Schema.Literals([
  "reported",
  "accepted",
  "declined",
  "hearing",
  "deliberation",
  "agreed",
  "no_agreement",
  "escalated",
  "resolved",
  "disclosed",
  "rated",
  "closed",
  "withdrawn"
])
/** @category models @since 0.2.0 */
export type CaseState = typeof CaseState.Type

/**
 * Bilingual names of the states.
 *
 * @category models
 * @since 0.2.0
 */
export const CaseStateLabels: Readonly<Record<CaseState, { readonly en: string; readonly zh: string }>> = {
  reported: { en: "reported", zh: "已上报" },
  accepted: { en: "accepted", zh: "已受理" },
  declined: { en: "declined", zh: "不予受理" },
  hearing: { en: "hearing", zh: "一听（听取陈述）" },
  deliberation: { en: "deliberation", zh: "三议（协商议事）" },
  agreed: { en: "agreement reached", zh: "达成调解协议" },
  no_agreement: { en: "no agreement", zh: "未达成协议" },
  escalated: { en: "escalated for supervision", zh: "督办中" },
  resolved: { en: "resolved", zh: "已化解" },
  disclosed: { en: "disclosed", zh: "已公开（三公开）" },
  rated: { en: "rated", zh: "已评价" },
  closed: { en: "closed", zh: "已结案" },
  withdrawn: { en: "withdrawn", zh: "已撤回" }
}

/**
 * The coarse status beside the detailed state: `open` while the dispute is unresolved,
 * `closed` once it is resolved, declined or withdrawn.
 *
 * @category models
 * @since 0.2.0
 */
export const CaseStatus = Schema.Literals(["open", "closed"])
/** @category models @since 0.2.0 */
export type CaseStatus = typeof CaseStatus.Type

/**
 * Who is handling the case: the community's mediation room, the street (街道督办) or a
 * government department (职能部门).
 *
 * @category models
 * @since 0.2.0
 */
export const HandlingLevel = Schema.Literals(["community", "street", "department"])
/** @category models @since 0.2.0 */
export type HandlingLevel = typeof HandlingLevel.Type

/**
 * The three named rounds of deliberation (三议), in the order they are held.
 *
 * @category models
 * @since 0.2.0
 */
export const RoundKey = Schema.Literals(["proposal", "joint", "decision"])
/** @category models @since 0.2.0 */
export type RoundKey = typeof RoundKey.Type

/**
 * Bilingual names of the rounds.
 *
 * @category models
 * @since 0.2.0
 */
export const RoundLabels: Readonly<Record<RoundKey, { readonly en: string; readonly zh: string }>> = {
  proposal: { en: "proposal by the party organisation", zh: "党组织提议" },
  joint: { en: "joint deliberation of property company, community and owners' committee", zh: "物业、社区、业委会联合商议" },
  decision: { en: "decision by the parties or the residents' council", zh: "当事人或居民议事会决议" }
}

/**
 * Which deadline a case is running against.
 *
 * @category models
 * @since 0.2.0
 */
export const DeadlineKind = Schema.Literals(["accept", "hearing", "agreement", "escalation", "street", "department"])
/** @category models @since 0.2.0 */
export type DeadlineKind = typeof DeadlineKind.Type

/**
 * A party's satisfaction with the outcome (满意度评价).
 *
 * @category models
 * @since 0.2.0
 */
export const Rating = Schema.Literals(["satisfied", "basically_satisfied", "unsatisfied"])
/** @category models @since 0.2.0 */
export type Rating = typeof Rating.Type

// ---------------------------------------------------------------------------
// Configuration

/**
 * A dispute category of the county (噪音, 漏水, 停车, …).
 *
 * @category models
 * @since 0.2.0
 */
export const Category = Schema.Struct({ key: ConfigKey, nameZh: Text(20), nameEn: Text(40) })
/** @category models @since 0.2.0 */
export type Category = typeof Category.Type

/**
 * A member of staff named on a case: a mediator or a supervisor. `id` is the actor id they
 * authenticate as (usually their `PersonId`).
 *
 * @category models
 * @since 0.2.0
 */
export const Staff = Schema.Struct({ id: Schema.String.check(Schema.isNonEmpty()), name: Text(40) })
/** @category models @since 0.2.0 */
export type Staff = typeof Staff.Type

/**
 * A government department cases can be escalated to. Departments are not grid nodes: each
 * county keeps a registry of them. `staff` lists the actor ids that act for the department:
 * they see and handle the cases escalated to it, and nothing else.
 *
 * @category models
 * @since 0.2.0
 */
export const Department = Schema.Struct({
  code: ConfigKey,
  name: Text(60),
  /** The categories this department takes when a case is escalated automatically. */
  categories: Schema.Array(ConfigKey),
  staff: Schema.Array(Schema.String.check(Schema.isNonEmpty())),
  /** Who supervises cases escalated to the department. */
  supervisor: Schema.NullOr(Staff)
})
/** @category models @since 0.2.0 */
export type Department = typeof Department.Type

const Hours = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 366 }, rule("must be from 1 to 8784 hours", "必须在 1 到 8784 小时之间")))

/**
 * How long each step may take, in hours.
 *
 * @category models
 * @since 0.2.0
 */
export const Deadlines = Schema.Struct({
  /** From report to acceptance (受理). */
  acceptHours: Hours,
  /** From acceptance to the first statement heard (一听). */
  firstHearingHours: Hours,
  /** From acceptance to an agreement or a recorded failure (调解协议). */
  agreementHours: Hours,
  /** From a failed mediation to its escalation to the street. */
  escalationHours: Hours,
  /** How long the street has, by default, once a case is escalated to it. */
  streetHours: Hours,
  /** How long a department has, by default. */
  departmentHours: Hours
})
/** @category models @since 0.2.0 */
export type Deadlines = typeof Deadlines.Type

/**
 * A county's mediation configuration.
 *
 * @category models
 * @since 0.2.0
 */
export const MediationConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Schema.Array(Category),
  deadlines: Deadlines,
  /** How long after resolution a case may be reopened when its agreement is broken. */
  reopenWindowDays: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 3660 })),
  /** The level of the county's template whose node supervises a community (default `street`). */
  streetLevel: LevelKey,
  /** Supervisors named when the supervision run escalates to a street; keyed by street node. */
  streetSupervisors: Schema.Array(Schema.Struct({ streetId: GridNodeId, supervisor: Staff })),
  departments: Schema.Array(Department),
  /** The department automatic escalation falls back to when none takes the category. */
  defaultDepartment: Schema.NullOr(ConfigKey),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.2.0 */
export type MediationConfig = typeof MediationConfig.Type

// ---------------------------------------------------------------------------
// The case

/**
 * A party to the dispute. Everything but `side` is personal data.
 *
 * @category models
 * @since 0.2.0
 */
export const Party = Schema.Struct({
  name: Text(40).check(Schema.makeFilter((s: string) => Array.from(s).length >= 2, rule("must be at least 2 characters", "至少 2 个字符"))),
  phone: Schema.NullOr(Phone),
  idCardNumber: Schema.NullOr(IdCardNumber),
  /** The door number (门牌号), e.g. `3-2-501`. */
  houseNumber: Schema.NullOr(Text(40)),
  side: Schema.Literals(["applicant", "respondent", "other"])
})
/** @category models @since 0.2.0 */
export type Party = typeof Party.Type

/**
 * A reference to an attachment kept elsewhere: an id or a URL, never the file.
 *
 * @category schemas
 * @since 0.2.0
 */
export const AttachmentRef = Schema.String.check(
  Schema.isPattern(/^[\w.:/?#&=%~+@!$,;-]{1,500}$/u, rule("must be an id or a URL (at most 500 characters, no spaces)", "必须是编号或网址（最多 500 个字符，不含空格）"))
)

/**
 * What one party said at the hearing (一听). Only statements marked `publishable` appear in
 * the disclosure.
 *
 * @category models
 * @since 0.2.0
 */
export const PartyStatement = Schema.Struct({ party: Schema.Int, text: Text(2000), publishable: Schema.Boolean, at: Instant })
/** @category models @since 0.2.0 */
export type PartyStatement = typeof PartyStatement.Type

/**
 * One round of deliberation (三议).
 *
 * @category models
 * @since 0.2.0
 */
export const Round = Schema.Struct({ round: RoundKey, participants: Schema.Array(Text(60)), outcome: Text(1000), at: Instant })
/** @category models @since 0.2.0 */
export type Round = typeof Round.Type

/**
 * The mediation agreement (调解协议): its terms and each party's consent, by party index.
 *
 * @category models
 * @since 0.2.0
 */
export const Agreement = Schema.Struct({ terms: Text(2000), consents: Schema.Array(Schema.Boolean), at: Instant })
/** @category models @since 0.2.0 */
export type Agreement = typeof Agreement.Type

/**
 * One escalation (督办): to whom, until when, supervised by whom, and the deadline missed
 * when the supervision run made it.
 *
 * @category models
 * @since 0.2.0
 */
export const Escalation = Schema.Struct({
  level: Schema.Literals(["street", "department"]),
  /** The street node, or the department's code. */
  to: Schema.String,
  toName: Schema.String,
  deadline: Instant,
  supervisor: Staff,
  reason: Text(1000),
  missed: Schema.NullOr(DeadlineKind),
  at: Instant
})
/** @category models @since 0.2.0 */
export type Escalation = typeof Escalation.Type

/**
 * A step of the case's history: what happened, when, at which level.
 *
 * @category models
 * @since 0.2.0
 */
export const HistoryStep = Schema.Struct({ step: Schema.String, at: Instant, level: HandlingLevel })
/** @category models @since 0.2.0 */
export type HistoryStep = typeof HistoryStep.Type

/**
 * A mediation case.
 *
 * @category models
 * @since 0.2.0
 */
export const MediationCase = Schema.Struct({
  id: CaseId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The node's path, root first, the node itself last: who may see the case follows it. */
  scope: Schema.Array(GridNodeId),
  /** The node's name when the case was reported (public). */
  placeName: Schema.String,
  category: ConfigKey,
  /** The topic (议题), published in the disclosure with personal data masked. */
  title: Text(100),
  description: Text(4000),
  parties: Schema.Array(Party),
  attachments: Schema.Array(AttachmentRef),
  mediators: Schema.Array(Staff),
  level: HandlingLevel,
  streetId: Schema.NullOr(GridNodeId),
  department: Schema.NullOr(Schema.Struct({ code: ConfigKey, name: Schema.String })),
  supervisor: Schema.NullOr(Staff),
  state: CaseState,
  status: CaseStatus,
  statements: Schema.Array(PartyStatement),
  rounds: Schema.Array(Round),
  agreement: Schema.NullOr(Agreement),
  noAgreementReason: Schema.NullOr(Schema.String),
  declined: Schema.NullOr(Schema.Struct({ reason: Schema.String, referredTo: Schema.NullOr(Schema.String) })),
  escalations: Schema.Array(Escalation),
  resolution: Schema.NullOr(Schema.Struct({ outcome: Schema.String, level: HandlingLevel, at: Instant })),
  ratings: Schema.Array(Schema.Struct({ party: Schema.Int, rating: Rating })),
  withdrawal: Schema.NullOr(Schema.Struct({ reason: Schema.String, at: Instant })),
  /** The deadline the case is running against now, if any. */
  deadline: Schema.NullOr(Schema.Struct({ kind: DeadlineKind, dueAt: Instant })),
  /** The levels the case has been handled at, and those where it missed a deadline. */
  reachedLevels: Schema.Array(HandlingLevel),
  missedLevels: Schema.Array(HandlingLevel),
  history: Schema.Array(HistoryStep),
  reportedBy: ActorRef,
  reportedAt: Instant,
  /** When it was accepted or declined (响应). */
  respondedAt: Schema.NullOr(Instant),
  resolvedAt: Schema.NullOr(Instant),
  disclosedAt: Schema.NullOr(Instant),
  closedAt: Schema.NullOr(Instant),
  reopenCount: Schema.Int,
  version: Schema.Int,
  updatedAt: Instant
})
/** @category models @since 0.2.0 */
export type MediationCase = typeof MediationCase.Type

// ---------------------------------------------------------------------------
// Commands

const optional = Schema.optionalKey

/**
 * Report a dispute at a grid node (usually a grid, building or unit).
 *
 * @category commands
 * @since 0.2.0
 */
export const ReportCase = Schema.Struct({
  nodeId: GridNodeId,
  category: ConfigKey,
  title: Text(100),
  description: Text(4000),
  parties: Schema.Array(Party).check(Schema.isMinLength(1), Schema.isMaxLength(20)),
  attachments: optional(Schema.Array(AttachmentRef).check(Schema.isMaxLength(20)))
})
/** @category commands @since 0.2.0 */
export type ReportCase = typeof ReportCase.Type

const Reason = Text(1000)

/**
 * Every command on an existing case, tagged by `_tag`. `expectedVersion` guards against
 * lost updates.
 *
 * @category commands
 * @since 0.2.0
 */
export const CaseCommand = Schema.TaggedUnion({
  /** 受理: accept the case and assign its mediators. */
  Accept: { mediators: Schema.Array(Staff).check(Schema.isMinLength(1), Schema.isMaxLength(10)), expectedVersion: optional(Schema.Int) },
  /** Decline, saying why and where the parties were referred. */
  Decline: { reason: Reason, referredTo: optional(Schema.NullOr(Text(100))), expectedVersion: optional(Schema.Int) },
  /** 一听: record one party's statement (by party index). */
  RecordStatement: { party: Schema.Int, text: Text(2000), publishable: Schema.Boolean, expectedVersion: optional(Schema.Int) },
  /** 三议: record one round of deliberation, in order (a round may be held again). */
  RecordRound: { round: RoundKey, participants: Schema.Array(Text(60)).check(Schema.isMinLength(1), Schema.isMaxLength(50)), outcome: Text(1000), expectedVersion: optional(Schema.Int) },
  /** 调解协议: record the agreement and each party's consent (every party must consent). */
  RecordAgreement: { terms: Text(2000), consents: Schema.Array(Schema.Boolean), expectedVersion: optional(Schema.Int) },
  /** Record that mediation failed. */
  RecordNoAgreement: { reason: Reason, expectedVersion: optional(Schema.Int) },
  /** 督办: escalate to the street, or from the street to a named department. */
  Escalate: {
    to: Schema.Literals(["street", "department"]),
    department: optional(ConfigKey),
    supervisor: optional(Staff),
    deadline: optional(Instant),
    reason: Reason,
    expectedVersion: optional(Schema.Int)
  },
  /** Record how the dispute was resolved. */
  Resolve: { outcome: Text(1000), expectedVersion: optional(Schema.Int) },
  /** 三公开: publish the case's topic, process and result. */
  Disclose: { expectedVersion: optional(Schema.Int) },
  /** 满意度: record the parties' ratings (by party index). */
  Rate: { ratings: Schema.Array(Schema.Struct({ party: Schema.Int, rating: Rating })).check(Schema.isMinLength(1)), expectedVersion: optional(Schema.Int) },
  /** Close the case. */
  Close: { expectedVersion: optional(Schema.Int) },
  /** The applicant withdraws. */
  Withdraw: { reason: Reason, expectedVersion: optional(Schema.Int) },
  /** Reopen a resolved case whose agreement was broken, within the county's window. */
  Reopen: { reason: Reason, expectedVersion: optional(Schema.Int) }
})
/** @category commands @since 0.2.0 */
export type CaseCommand = typeof CaseCommand.Type

/**
 * The tag of every command, `Report` included.
 *
 * @category models
 * @since 0.2.0
 */
export type CommandTag = "Report" | CaseCommand["_tag"]

/**
 * Change a county's mediation configuration; what is left out keeps its current value.
 *
 * @category commands
 * @since 0.2.0
 */
export const ConfigureMediation = Schema.Struct({
  categories: optional(Schema.Array(Category).check(Schema.isMinLength(1), Schema.isMaxLength(100))),
  deadlines: optional(Deadlines),
  reopenWindowDays: optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 3660 }))),
  streetLevel: optional(LevelKey),
  streetSupervisors: optional(Schema.Array(Schema.Struct({ streetId: GridNodeId, supervisor: Staff }))),
  departments: optional(Schema.Array(Department).check(Schema.isMaxLength(200))),
  defaultDepartment: optional(Schema.NullOr(ConfigKey)),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.2.0 */
export type ConfigureMediation = typeof ConfigureMediation.Type
