/**
 * A mediation case (矛盾调解) and its parts: its id, its states, handling levels and rounds,
 * its parties and its record of the "listen once, deliberate three times, publish three
 * times" method (一听三议三公开).
 *
 * People are referenced by their grid `PersonId`: the reporter, the mediators, the
 * supervisors, the departments' staff and the parties who are people of the county. A
 * party from outside the county is recorded as an external party with the name and phone
 * that were typed. Personal data (external parties' names, phones, ID-card and house
 * numbers, and whatever people type into free text) lives on the case, is readable only by
 * the staff handling it, never enters the event log, and is published only as the text
 * masked when the case is disclosed (see `rules.ts`).
 *
 * @since 0.4.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { GridNodeId, idCheck, IdGenerator, PersonId } from "../kernel/ids.js"
import { IdCardNumber, Phone, Prose, Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ConfigKey, type Labels, OpenStatus } from "../kernel/vocabulary.js"
import { PartyIndex, rule } from "./parts.js"

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
export const CaseStateLabels: Labels<CaseState> = {
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
export const CaseStatus = OpenStatus
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
export const RoundLabels: Labels<RoundKey> = {
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
export const RoundRoleLabels: Labels<RoundRole> = {
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
export const PartySideLabels: Labels<PartySide> = {
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

