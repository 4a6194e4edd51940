/**
 * Follow-up's rows: each record whole as JSON in `doc`, beside its next date and the facts
 * the statistics sum.
 */
import { FollowUpConfig, FollowUpRecord, factsOf, nextDateOf } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const decodeRecord = Schema.decodeUnknownSync(FollowUpRecord)

/**
 * The row of a follow-up.
 *
 * @category followup
 * @since 0.5.0
 */
export const followUpRow = (f: FollowUpRecord) => {
  const facts = factsOf(f)
  return {
    id: f.id,
    county_id: f.countyId,
    path: toPath(f.scope),
    subject: f.subject,
    subject_id: f.subjectId,
    requested_on: f.requestedOn,
    next_date: nextDateOf(f),
    asked: facts.asked,
    rated: facts.rated,
    satisfied: facts.satisfied,
    lapsed: facts.lapsed,
    questionnaires_sent: facts.questionnairesSent,
    answered: facts.answered,
    solved: facts.solved,
    not_solved: facts.notSolved,
    reopened: facts.reopened,
    version: f.version,
    doc: JSON.stringify(f)
  }
}

/**
 * A row of `followups`.
 *
 * @category followup
 * @since 0.5.0
 */
export type FollowUpRow = ReturnType<typeof followUpRow>

/**
 * The table of follow-ups.
 *
 * @category followup
 * @since 0.5.0
 */
export const followUps = documentShape({
  table: "followups",
  entity: "follow-up",
  id: (f: FollowUpRecord) => f.id,
  row: followUpRow,
  decode: (doc) => decodeRecord(JSON.parse(doc))
})

/**
 * The table of the counties' follow-up configurations.
 *
 * @category followup
 * @since 0.5.0
 */
export const followUpConfigs = configShape("followup_configs", "follow-up configuration", FollowUpConfig)
