/**
 * The follow-up port on PostgreSQL: each follow-up whole as JSON in `doc`, beside the work it
 * follows, the day the sweep next has something to do, and its statistics facts; who it
 * waits for in `followup_waiting`, rewritten with every save in the same unit of work.
 */
import { type FollowUpFacts, FollowUpRecord, FollowUpStore, waitingFor } from "@mulin/core"
import { followUpConfigs, followUps } from "@mulin/sql"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"

const decodeRecord = Schema.decodeUnknownSync(FollowUpRecord)

const STATS =
  `SELECT subject, count(*) AS "followUps", sum(asked) AS asked, sum(rated) AS rated, sum(satisfied) AS satisfied, sum(lapsed) AS lapsed, ` +
  `sum(questionnaires_sent) AS "questionnairesSent", sum(answered) AS answered, sum(solved) AS solved, sum(not_solved) AS "notSolved", sum(reopened) AS reopened FROM followups`

/** Makes the follow-up store over an open database. */
export const makeFollowUpStore = (db: PostgresDatabase["Service"]): FollowUpStore["Service"] => {
  const configs = configTable(db, followUpConfigs)
  const records = documentTable(db, followUps)
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
