/**
 * The commands that move a mediation case along and the events they cause.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Prose, Text } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ConfigKey } from "../kernel/vocabulary.js"
import { Agreement, AttachmentRef, Escalation, MediationCase, Party, PartyStatement, Publication, Rating, Round, RoundKey, RoundParticipant, RunningDeadline } from "./case.js"
import { EventBase, ExpectedVersion, PartyIndex, PersonIds, Reason, rule } from "./parts.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Commands

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


// ---------------------------------------------------------------------------
// Events

/**
 * Run the supervision (督办巡查): the county to supervise (absent: every county, for the
 * system actor) and how many overdue cases one run handles at most (1 to 100000, default
 * 10000). `Mediation.runSupervision` checks it, as the HTTP adapter does.
 *
 * @category commands
 * @since 0.4.0
 */
export const RunSupervision = Schema.Struct({
  countyId: optional(GridNodeId),
  limit: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100_000 })))
})
/** @category commands @since 0.4.0 */
export type RunSupervision = typeof RunSupervision.Type

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
/** @category events @since 0.4.0 */
export type CaseEvent = typeof CaseEvent.Type


