/**
 * The mediation context's schemas (矛盾调解): a county's mediation configuration (categories,
 * deadlines, the department registry), the case with its parties and its record of the
 * "listen once, deliberate three times, publish three times" method (一听三议三公开), the
 * commands that move a case along and the events they cause.
 *
 * People are referenced by their grid `PersonId`: the reporter, the mediators, the
 * supervisors, the departments' staff and the parties who are people of the county. A
 * party from outside the county is recorded as an external party with the name and phone
 * that were typed. Personal data (external parties' names, phones, ID-card and house
 * numbers, and whatever people type into free text) lives on the case, is readable only by
 * the staff handling it, never enters the event log, and is published only as the text
 * masked when the case is disclosed (see `rules.ts`).
 *
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { LevelKey } from "../grid/model.js"
import { IdCardNumber, Phone, Prose, Text } from "../kernel/text.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/** A filter that reports the first repeated key of a list, at its path. */
const uniqueBy = <A>(key: (a: A) => string, field: string | undefined, en: string, zh: string) =>
  Schema.makeFilter((xs: ReadonlyArray<A>) => {
    const seen = new Set<string>()
    for (const [i, x] of xs.entries()) {
      const k = key(x)
      if (seen.has(k)) return { path: field === undefined ? [i] : [i, field], issue: `${en}: ${k}` }
      seen.add(k)
    }
    return undefined
  }, rule(en, zh))

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
 * A key of the county's configuration (a category, a department): lower-case ASCII
 * letters, digits and `_`.
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
 * In what capacity someone took part in a round of deliberation. Disclosures publish the
 * participants by these roles, counted, never by name.
 *
 * @category models
 * @since 0.4.0
 */
export const RoundRole = Schema.Literals([
  "party",
  "party_organisation",
  "property_company",
  "community",
  "owners_committee",
  "residents_council",
  "mediator",
  "department",
  "other"
])
/** @category models @since 0.4.0 */
export type RoundRole = typeof RoundRole.Type

/**
 * Bilingual names of the participants' roles.
 *
 * @category models
 * @since 0.4.0
 */
export const RoundRoleLabels: Readonly<Record<RoundRole, { readonly en: string; readonly zh: string }>> = {
  party: { en: "party", zh: "当事人" },
  party_organisation: { en: "party organisation", zh: "党组织" },
  property_company: { en: "property company", zh: "物业公司" },
  community: { en: "community", zh: "社区" },
  owners_committee: { en: "owners' committee", zh: "业委会" },
  residents_council: { en: "residents' council", zh: "居民议事会" },
  mediator: { en: "mediator", zh: "调解员" },
  department: { en: "government department", zh: "职能部门" },
  other: { en: "other", zh: "其他" }
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
 * The deadline a case runs against: which one, and when it is due.
 *
 * @category models
 * @since 0.4.0
 */
export const RunningDeadline = Schema.Struct({ kind: DeadlineKind, dueAt: Instant })
/** @category models @since 0.4.0 */
export type RunningDeadline = typeof RunningDeadline.Type

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
 * A member of staff named by id and name. Mediation references people by `PersonId`
 * instead; this shape stays for the contexts that still use it.
 *
 * @category models
 * @since 0.2.0
 */
export const Staff = Schema.Struct({ id: Schema.String.check(Schema.isNonEmpty()), name: Text(40) })
/** @category models @since 0.2.0 */
export type Staff = typeof Staff.Type

const PersonIds = (max: number) =>
  Schema.Array(PersonId).check(
    Schema.isMaxLength(max),
    uniqueBy((p: PersonId) => p, undefined, "names the same person twice", "同一人员重复出现")
  )

/**
 * A government department cases can be escalated to. Departments are not grid nodes: each
 * county keeps a registry of them. `staff` are people of the county who act for the
 * department: they see and handle the cases escalated to it, and nothing else.
 *
 * @category models
 * @since 0.2.0
 */
export const Department = Schema.Struct({
  code: ConfigKey,
  name: Text(60),
  /** The categories this department takes when a case is escalated automatically. */
  categories: Schema.Array(ConfigKey).check(uniqueBy((k: string) => k, undefined, "names the same category twice", "同一类别重复出现")),
  /** People of the county who act for the department. */
  staff: PersonIds(200),
  /** Who supervises cases escalated to the department (`null`: the system). */
  supervisor: Schema.NullOr(PersonId)
})
/** @category models @since 0.2.0 */
export type Department = typeof Department.Type

/**
 * The person who supervises the cases escalated to a street.
 *
 * @category models
 * @since 0.4.0
 */
export const StreetSupervisor = Schema.Struct({ streetId: GridNodeId, supervisor: PersonId })
/** @category models @since 0.4.0 */
export type StreetSupervisor = typeof StreetSupervisor.Type

const Hours = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 24 * 366 }, rule("must be from 1 to 8784 hours", "必须在 1 到 8784 小时之间")))

/**
 * How long each step may take, in hours (a duration: the same in every time zone).
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

const ReopenWindowDays = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 3660 }, rule("must be from 0 to 3660 days", "必须在 0 到 3660 天之间")))

const Categories = Schema.Array(Category).check(
  Schema.isMinLength(1),
  Schema.isMaxLength(100),
  uniqueBy((c: Category) => c.key, "key", "repeats a category key", "类别代码重复")
)
const Departments = Schema.Array(Department).check(
  Schema.isMaxLength(200),
  uniqueBy((d: Department) => d.code, "code", "repeats a department code", "部门代码重复")
)
const StreetSupervisors = Schema.Array(StreetSupervisor).check(
  Schema.isMaxLength(1000),
  uniqueBy((s: StreetSupervisor) => s.streetId, "streetId", "names the same street twice", "同一街道重复出现")
)

interface ConfigShape {
  readonly categories?: ReadonlyArray<Category> | undefined
  readonly departments?: ReadonlyArray<Department> | undefined
  readonly defaultDepartment?: string | null | undefined
}

/** The rules between the parts of a configuration, checked over the parts that are given. */
const consistent = Schema.makeFilter((c: ConfigShape) => {
  const issues: Array<Schema.FilterIssue> = []
  if (c.categories !== undefined && c.departments !== undefined) {
    const keys = new Set(c.categories.map((k) => k.key))
    for (const [i, d] of c.departments.entries()) {
      for (const [j, k] of d.categories.entries()) {
        if (!keys.has(k)) issues.push({ path: ["departments", i, "categories", j], issue: `names the unknown category ${k}` })
      }
    }
  }
  if (c.departments !== undefined && c.defaultDepartment !== undefined && c.defaultDepartment !== null && !c.departments.some((d) => d.code === c.defaultDepartment)) {
    issues.push({ path: ["defaultDepartment"], issue: `names the unknown department ${c.defaultDepartment}` })
  }
  return issues
}, rule("must name only the configuration's own categories and departments", "只能引用本配置中的类别和部门"))

/**
 * A county's mediation configuration. Readable by the county's staff only
 * (`county.config.read`), written by those who supervise mediation in the county.
 *
 * @category models
 * @since 0.2.0
 */
export const MediationConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: Categories,
  deadlines: Deadlines,
  /**
   * How many days after the day a case was resolved (in the county's calendar) it may
   * still be reopened when its agreement is broken: until the end of that local day.
   */
  reopenWindowDays: ReopenWindowDays,
  /** The level of the county's template whose node supervises a community (default `street`). */
  streetLevel: LevelKey,
  /** Who supervises the cases escalated to a street, when the escalation names no one. */
  streetSupervisors: StreetSupervisors,
  departments: Departments,
  /** The department automatic escalation falls back to when none takes the category. */
  defaultDepartment: Schema.NullOr(ConfigKey),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
}).check(consistent)
/** @category models @since 0.2.0 */
export type MediationConfig = typeof MediationConfig.Type

// ---------------------------------------------------------------------------
// The case

/**
 * The side a party takes in the dispute.
 *
 * @category models
 * @since 0.4.0
 */
export const PartySide = Schema.Literals(["applicant", "respondent", "other"])
/** @category models @since 0.4.0 */
export type PartySide = typeof PartySide.Type

/**
 * Bilingual names of the sides.
 *
 * @category models
 * @since 0.4.0
 */
export const PartySideLabels: Readonly<Record<PartySide, { readonly en: string; readonly zh: string }>> = {
  applicant: { en: "applicant", zh: "申请人" },
  respondent: { en: "respondent", zh: "被申请人" },
  other: { en: "other party", zh: "其他当事人" }
}

/**
 * A party who is a person of the county: referenced by id, checked through the one scope
 * check when the case is reported. Their name and phone stay in the grid's directory.
 *
 * @category models
 * @since 0.4.0
 */
export const PersonParty = Schema.Struct({ kind: Schema.Literal("person"), personId: PersonId, side: PartySide })
/** @category models @since 0.4.0 */
export type PersonParty = typeof PersonParty.Type

/**
 * A party from outside the county, as typed: everything but `side` is personal data.
 *
 * @category models
 * @since 0.4.0
 */
export const ExternalParty = Schema.Struct({
  kind: Schema.Literal("external"),
  name: Text(40).check(Schema.makeFilter((s: string) => Array.from(s).length >= 2, rule("must be at least 2 characters", "至少 2 个字符"))),
  phone: Schema.NullOr(Phone),
  idCardNumber: Schema.NullOr(IdCardNumber),
  /** The door number (门牌号), e.g. `3-2-501`. */
  houseNumber: Schema.NullOr(Text(40)),
  side: PartySide
})
/** @category models @since 0.4.0 */
export type ExternalParty = typeof ExternalParty.Type

/**
 * A party to the dispute: a person of the county, or someone from outside it.
 *
 * @category models
 * @since 0.2.0
 */
export const Party = Schema.Union([PersonParty, ExternalParty])
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

const PartyIndex = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be the index of a party (0 or more)", "必须是当事人序号（0 或以上）")))

/**
 * What one party said at the hearing (一听). Only statements marked `publishable` appear in
 * the disclosure, masked.
 *
 * @category models
 * @since 0.2.0
 */
export const PartyStatement = Schema.Struct({ party: PartyIndex, text: Prose(2000), publishable: Schema.Boolean, at: Instant })
/** @category models @since 0.2.0 */
export type PartyStatement = typeof PartyStatement.Type

/**
 * Someone who took part in a round: in what capacity and, when it matters to the staff,
 * their name (personal data: never published).
 *
 * @category models
 * @since 0.4.0
 */
export const RoundParticipant = Schema.Struct({ role: RoundRole, name: Schema.NullOr(Text(40)) })
/** @category models @since 0.4.0 */
export type RoundParticipant = typeof RoundParticipant.Type

/**
 * One round of deliberation (三议).
 *
 * @category models
 * @since 0.2.0
 */
export const Round = Schema.Struct({ round: RoundKey, participants: Schema.Array(RoundParticipant), outcome: Prose(1000), at: Instant })
/** @category models @since 0.2.0 */
export type Round = typeof Round.Type

/**
 * The mediation agreement (调解协议): its terms and each party's consent, by party index.
 *
 * @category models
 * @since 0.2.0
 */
export const Agreement = Schema.Struct({ terms: Prose(2000), consents: Schema.Array(Schema.Boolean), at: Instant })
/** @category models @since 0.2.0 */
export type Agreement = typeof Agreement.Type

/**
 * One escalation (督办): to whom, until when, supervised by whom (`null`: the system), and
 * the deadline missed when the supervision run made it.
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
  supervisor: Schema.NullOr(PersonId),
  reason: Prose(1000),
  missed: Schema.NullOr(DeadlineKind),
  at: Instant
})
/** @category models @since 0.2.0 */
export type Escalation = typeof Escalation.Type

/**
 * A step of the case's history: what happened, when, at which level (who did it is in the
 * event log).
 *
 * @category models
 * @since 0.2.0
 */
export const HistoryStep = Schema.Struct({ step: Schema.String, at: Instant, level: HandlingLevel })
/** @category models @since 0.2.0 */
export type HistoryStep = typeof HistoryStep.Type

/**
 * The masked text a disclosure (三公开) publishes, made once when the case is disclosed:
 * every text masked (digit runs of phones and ID-card numbers in any spelling, and the
 * names of the people involved and of the residents and people registered around the
 * place). The rest of a disclosure is structure the case holds (sides, times, rounds,
 * participants counted by role), so only the texts are kept: `statements` are those of the
 * publishable statements, in order; `outcomes` one per round, in order.
 *
 * @category models
 * @since 0.4.0
 */
export const Publication = Schema.Struct({
  category: Schema.Struct({ key: Schema.String, nameZh: Schema.String, nameEn: Schema.String }),
  place: Schema.String,
  topic: Schema.String,
  statements: Schema.Array(Schema.String),
  outcomes: Schema.Array(Schema.String),
  agreement: Schema.NullOr(Schema.String),
  outcome: Schema.NullOr(Schema.String)
})
/** @category models @since 0.4.0 */
export type Publication = typeof Publication.Type

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
  /** The node's name when the case was reported. */
  placeName: Schema.String,
  category: ConfigKey,
  /** The topic (议题), published in the disclosure masked. */
  title: Text(100),
  description: Prose(4000),
  parties: Schema.Array(Party),
  attachments: Schema.Array(AttachmentRef),
  /** People of the county assigned to mediate. */
  mediators: Schema.Array(PersonId),
  level: HandlingLevel,
  streetId: Schema.NullOr(GridNodeId),
  department: Schema.NullOr(Schema.Struct({ code: ConfigKey, name: Schema.String })),
  /** Who supervises the current escalation (`null`: the system, or no escalation). */
  supervisor: Schema.NullOr(PersonId),
  state: CaseState,
  status: CaseStatus,
  statements: Schema.Array(PartyStatement),
  rounds: Schema.Array(Round),
  agreement: Schema.NullOr(Agreement),
  noAgreementReason: Schema.NullOr(Prose(1000)),
  declined: Schema.NullOr(Schema.Struct({ reason: Prose(1000), referredTo: Schema.NullOr(Text(100)) })),
  escalations: Schema.Array(Escalation),
  resolution: Schema.NullOr(Schema.Struct({ outcome: Prose(1000), level: HandlingLevel, at: Instant })),
  ratings: Schema.Array(Schema.Struct({ party: PartyIndex, rating: Rating })),
  withdrawal: Schema.NullOr(Schema.Struct({ reason: Prose(1000), at: Instant })),
  /** The deadline the case is running against now, if any. */
  deadline: Schema.NullOr(RunningDeadline),
  /** The levels the case has been handled at, and those where it missed a deadline. */
  reachedLevels: Schema.Array(HandlingLevel),
  missedLevels: Schema.Array(HandlingLevel),
  history: Schema.Array(HistoryStep),
  /** The ids of the people who acted on the case, each once: their names are masked when it is published. */
  actedBy: Schema.Array(Schema.String),
  reportedBy: ActorRef,
  reportedAt: Instant,
  /** When it was accepted or declined (响应). */
  respondedAt: Schema.NullOr(Instant),
  resolvedAt: Schema.NullOr(Instant),
  disclosedAt: Schema.NullOr(Instant),
  /** The masked text published when the case was disclosed; `null` until then. */
  publication: Schema.NullOr(Publication),
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

const Parties = Schema.Array(Party).check(
  Schema.isMinLength(1),
  Schema.isMaxLength(20),
  Schema.makeFilter((ps: ReadonlyArray<Party>) => {
    const seen = new Set<string>()
    for (const [i, p] of ps.entries()) {
      if (p.kind !== "person") continue
      if (seen.has(p.personId)) return { path: [i, "personId"], issue: `names the same person twice: ${p.personId}` }
      seen.add(p.personId)
    }
    return undefined
  }, rule("names the same person twice", "同一人员重复出现"))
)

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
  description: Prose(4000),
  parties: Parties,
  attachments: optional(Schema.Array(AttachmentRef).check(Schema.isMaxLength(20)))
})
/** @category commands @since 0.2.0 */
export type ReportCase = typeof ReportCase.Type

const Reason = Prose(1000)
const ExpectedVersion = optional(Schema.Int)

/**
 * Every command on an existing case, tagged by `_tag`. `expectedVersion` guards against
 * lost updates.
 *
 * @category commands
 * @since 0.2.0
 */
export const CaseCommand = Schema.TaggedUnion({
  /** 受理: accept the case and assign its mediators (people of the county who mediate there). */
  Accept: { mediators: PersonIds(10).check(Schema.isMinLength(1)), expectedVersion: ExpectedVersion },
  /** Decline, saying why and where the parties were referred. */
  Decline: { reason: Reason, referredTo: optional(Schema.NullOr(Text(100))), expectedVersion: ExpectedVersion },
  /** 一听: record one party's statement (by party index). */
  RecordStatement: { party: PartyIndex, text: Prose(2000), publishable: Schema.Boolean, expectedVersion: ExpectedVersion },
  /** 三议: record one round of deliberation, in order (a round may be held again). */
  RecordRound: { round: RoundKey, participants: Schema.Array(RoundParticipant).check(Schema.isMinLength(1), Schema.isMaxLength(50)), outcome: Prose(1000), expectedVersion: ExpectedVersion },
  /** 调解协议: record the agreement and each party's consent (every party must consent). */
  RecordAgreement: { terms: Prose(2000), consents: Schema.Array(Schema.Boolean), expectedVersion: ExpectedVersion },
  /** Record that mediation failed. */
  RecordNoAgreement: { reason: Reason, expectedVersion: ExpectedVersion },
  /** 督办: escalate to the street, or from the street to a named department. */
  Escalate: {
    to: Schema.Literals(["street", "department"]),
    department: optional(ConfigKey),
    /** A person of the county to supervise; default: the county's configuration, else the system. */
    supervisor: optional(PersonId),
    deadline: optional(Instant),
    reason: Reason,
    expectedVersion: ExpectedVersion
  },
  /** Record how the dispute was resolved. */
  Resolve: { outcome: Prose(1000), expectedVersion: ExpectedVersion },
  /** 三公开: publish the case's topic, process and result, masked. */
  Disclose: { expectedVersion: ExpectedVersion },
  /** 满意度: record the parties' ratings (by party index). */
  Rate: { ratings: Schema.Array(Schema.Struct({ party: PartyIndex, rating: Rating })).check(Schema.isMinLength(1)), expectedVersion: ExpectedVersion },
  /** Close the case. */
  Close: { expectedVersion: ExpectedVersion },
  /** The applicant withdraws. */
  Withdraw: { reason: Reason, expectedVersion: ExpectedVersion },
  /** Reopen a resolved case whose agreement was broken, within the county's window. */
  Reopen: { reason: Reason, expectedVersion: ExpectedVersion }
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
 * The parts given are checked here (unique keys and codes, departments taking known
 * categories when both are given); the whole configuration after the change is checked
 * against {@link MediationConfig}.
 *
 * @category commands
 * @since 0.2.0
 */
export const ConfigureMediation = Schema.Struct({
  categories: optional(Categories),
  deadlines: optional(Deadlines),
  reopenWindowDays: optional(ReopenWindowDays),
  streetLevel: optional(LevelKey),
  streetSupervisors: optional(StreetSupervisors),
  departments: optional(Departments),
  defaultDepartment: optional(Schema.NullOr(ConfigKey)),
  expectedVersion: ExpectedVersion
}).check(consistent)
/** @category commands @since 0.2.0 */
export type ConfigureMediation = typeof ConfigureMediation.Type

// ---------------------------------------------------------------------------
// Events

const EventBase = { at: Instant, actor: ActorRef }

/**
 * What happened to a case, one schema per event, discriminated by `type`. Events carry
 * personal data where the case does (the report, a statement); the log receives only their
 * feed projection (`MediationFeedEvents`), which carries none.
 *
 * @category events
 * @since 0.4.0
 */
export const CaseEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("reported"), ...EventBase, initial: MediationCase }),
  Schema.Struct({ type: Schema.Literal("accepted"), ...EventBase, mediators: Schema.Array(PersonId), deadline: Schema.NullOr(RunningDeadline) }),
  Schema.Struct({ type: Schema.Literal("declined"), ...EventBase, reason: Reason, referredTo: Schema.NullOr(Text(100)) }),
  Schema.Struct({ type: Schema.Literal("statement_recorded"), ...EventBase, statement: PartyStatement, deadline: Schema.NullOr(RunningDeadline) }),
  Schema.Struct({ type: Schema.Literal("round_recorded"), ...EventBase, round: Round }),
  Schema.Struct({ type: Schema.Literal("agreement_recorded"), ...EventBase, agreement: Agreement }),
  Schema.Struct({ type: Schema.Literal("no_agreement_recorded"), ...EventBase, reason: Reason, deadline: Schema.NullOr(RunningDeadline) }),
  Schema.Struct({
    type: Schema.Literal("escalated"),
    ...EventBase,
    escalation: Escalation,
    streetId: Schema.NullOr(GridNodeId),
    department: Schema.NullOr(Schema.Struct({ code: ConfigKey, name: Schema.String }))
  }),
  Schema.Struct({ type: Schema.Literal("resolved"), ...EventBase, outcome: Prose(1000) }),
  Schema.Struct({ type: Schema.Literal("disclosed"), ...EventBase, publication: Publication }),
  Schema.Struct({ type: Schema.Literal("rated"), ...EventBase, ratings: Schema.Array(Schema.Struct({ party: PartyIndex, rating: Rating })) }),
  Schema.Struct({ type: Schema.Literal("closed"), ...EventBase }),
  Schema.Struct({ type: Schema.Literal("withdrawn"), ...EventBase, reason: Reason }),
  Schema.Struct({ type: Schema.Literal("reopened"), ...EventBase, reason: Reason, deadline: Schema.NullOr(RunningDeadline) })
])
/** @category events @since 0.2.0 */
export type CaseEvent = typeof CaseEvent.Type

/**
 * What happened to a county's configuration: the whole configuration after the change
 * and the names of the parts that changed.
 *
 * @category events
 * @since 0.4.0
 */
export const MediationConfigEvent = Schema.Struct({ type: Schema.Literal("changed"), ...EventBase, config: MediationConfig, changed: Schema.Array(Schema.String) })
/** @category events @since 0.4.0 */
export type MediationConfigEvent = typeof MediationConfigEvent.Type

// ---------------------------------------------------------------------------
// Statistics periods

/**
 * A calendar month, e.g. `2026-07`.
 *
 * @category schemas
 * @since 0.4.0
 */
export const YearMonth = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/u, rule("must be a month like 2026-07", "必须是月份，例如 2026-07"))
)

/**
 * The period statistics cover, in the county's calendar: `month` (`YYYY-MM`, or
 * `current`: this month where the county is), `date` (a local day, or `today`), or
 * `from`/`to` instants (`[from, to)`, either side open). One of the three at most.
 *
 * @category schemas
 * @since 0.4.0
 */
export const MediationStatisticsPeriod = Schema.Struct({
  from: optional(Instant),
  to: optional(Instant),
  month: optional(Schema.Union([YearMonth, Schema.Literal("current")])),
  date: optional(Schema.Union([CalendarDate, Schema.Literal("today")]))
})
/** @category schemas @since 0.4.0 */
export type MediationStatisticsPeriod = typeof MediationStatisticsPeriod.Type
