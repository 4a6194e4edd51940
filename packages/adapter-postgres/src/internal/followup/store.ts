/**
 * The follow-up port on PostgreSQL: each follow-up whole as JSON in `doc`, beside the work it
 * follows, the day the sweep next has something to do, and its statistics facts; who it
 * waits for in `followup_waiting`, rewritten with every save in the same unit of work.
 */
import { FollowUpConfig, type FollowUpFacts, FollowUpRecord, FollowUpStore, factsOf, nextDateOf, waitingFor } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"

const decodeRecord = Schema.decodeUnknownSync(FollowUpRecord)

const rowOf = (f: FollowUpRecord) => {
  const facts = factsOf(f)
  return {
    county_id: f.countyId,
    id: f.id,
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

const STATS =
  `SELECT subject, count(*) AS "followUps", sum(asked) AS asked, sum(rated) AS rated, sum(satisfied) AS satisfied, sum(lapsed) AS lapsed, ` +
  `sum(questionnaires_sent) AS "questionnairesSent", sum(answered) AS answered, sum(solved) AS solved, sum(not_solved) AS "notSolved", sum(reopened) AS reopened FROM followups`

/** Makes the follow-up store over an open database. */
export const makeFollowUpStore = (db: PostgresDatabase["Service"]): FollowUpStore["Service"] => {
  const configs = configTable(db, { table: "followup_configs", entity: "follow-up configuration", encode: Schema.encodeSync(FollowUpConfig), decode: Schema.decodeUnknownSync(FollowUpConfig) })
  const records = documentTable(db, { table: "followups", entity: "follow-up", id: (f: FollowUpRecord) => f.id, row: rowOf, decode: (doc) => decodeRecord(JSON.parse(doc)) })
  return FollowUpStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: records.get,
    save: (f, expected) =>
      db.write(Effect.gen(function*() {
        yield* records.save(f, expected)
        yield* db.change("DELETE FROM followup_waiting WHERE county_id = $1 AND followup_id = $2", [f.countyId, f.id])
        const waiting = [...waitingFor(f)]
        if (waiting.length > 0) {
          yield* db.change("INSERT INTO followup_waiting (county_id, followup_id, person_id) SELECT $1, $2, p FROM unnest($3::text[]) AS p", [f.countyId, f.id, waiting])
        }
      })),
    forSubject: (subject, subjectId) => records.where(new Filter().eq("subject", subject).eq("subject_id", subjectId), "id DESC"),
    due: (countyId, today, limit) =>
      Effect.map(
        db.query<{ doc: string }>("SELECT doc FROM followups WHERE county_id = $1 AND next_date IS NOT NULL AND next_date <= $2 ORDER BY next_date, id LIMIT $3", [countyId, today, Math.max(0, Math.floor(limit))]),
        (rows) => rows.map((r) => decodeRecord(JSON.parse(r.doc)))
      ),
    waitingFor: (personId) =>
      Effect.map(
        db.query<{ doc: string }>("SELECT f.doc FROM followup_waiting w JOIN followups f ON f.county_id = w.county_id AND f.id = w.followup_id WHERE w.person_id = $1 ORDER BY w.followup_id", [personId]),
        (rows) => rows.map((r) => decodeRecord(JSON.parse(r.doc)))
      ),
    statistics: ({ from, scope, to }) => {
      const filter = new Filter(scope).add("requested_on >= ? AND requested_on <= ?", from ?? "", to ?? "~")
      return db.query<FollowUpFacts>(`${STATS} WHERE ${filter.sql} GROUP BY subject ORDER BY subject`, filter.args)
    }
  })
}
