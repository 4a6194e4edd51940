/**
 * The follow-up port on SQLite.
 *
 * A follow-up is stored whole, as JSON in `doc`, beside the columns its queries need: the
 * work it follows up, the day the sweep next has something to do (`next_date`, `NULL` once
 * nothing is left, so the partial index holds only live ones), the materialised path and
 * day for statistics, and its statistics facts for `SUM … GROUP BY subject`. Who it waits
 * for is kept in `followup_waiting`, rewritten with every save in the same transaction.
 */
import { type Conflict, type FollowUpFacts, FollowUpStore, type StorageError, waitingFor } from "@mulin/core"
import { followUpConfigs, followUps } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { scopeRange } from "../kernel/paths.js"
import { allRows, raw } from "../kernel/statements.js"

const FOR_SUBJECT = raw<{ readonly doc: string }>("SELECT doc FROM followups WHERE subject = ? AND subject_id = ? ORDER BY id DESC")
const DUE = raw<{ readonly doc: string }>("SELECT doc FROM followups WHERE county_id = ? AND next_date IS NOT NULL AND next_date <= ? ORDER BY next_date, id LIMIT ?")
const WAITING = raw<{ readonly doc: string }>("SELECT f.doc FROM followup_waiting w JOIN followups f ON f.id = w.followup_id WHERE w.person_id = ? ORDER BY w.followup_id")
const FORGET_WAITING = "DELETE FROM followup_waiting WHERE followup_id = ?"
const ADD_WAITING = "INSERT INTO followup_waiting (followup_id, person_id) VALUES (?, ?)"
const STATS =
  "SELECT subject, count(*) AS followUps, sum(asked) AS asked, sum(rated) AS rated, sum(satisfied) AS satisfied, sum(lapsed) AS lapsed, " +
  "sum(questionnaires_sent) AS questionnairesSent, sum(answered) AS answered, sum(solved) AS solved, sum(not_solved) AS notSolved, sum(reopened) AS reopened " +
  "FROM followups WHERE path >= ? AND path < ? AND requested_on >= ? AND requested_on <= ? GROUP BY subject ORDER BY subject"

const records = documentTable(followUps)
const configs = countyConfigTable(followUpConfigs)

/** Makes the follow-up store over an open database. */
export const makeFollowUpStore = (db: SqliteDatabase["Service"]): FollowUpStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  return FollowUpStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),
    get: (id) => db.read((s) => records.get(s, id)),
    save: (f, expectedVersion) =>
      write((s) => {
        records.save(s, f, expectedVersion)
        s.prepare(FORGET_WAITING).run(f.id)
        for (const personId of waitingFor(f)) s.prepare(ADD_WAITING).run(f.id, personId)
      }),
    forSubject: (subject, subjectId) => db.read((s) => records.decodeAll(allRows(s, FOR_SUBJECT, subject, subjectId))),
    due: (countyId, today, limit) => db.read((s) => records.decodeAll(allRows(s, DUE, countyId, today, Math.max(0, Math.floor(limit))))),
    waitingFor: (personId) => db.read((s) => records.decodeAll(allRows(s, WAITING, personId))),
    statistics: ({ from, scope, to }) =>
      db.read((s) => {
        const [lo, hi] = scopeRange(scope)
        return allRows(s, raw<FollowUpFacts>(STATS), lo, hi, from ?? "", to ?? "~")
      })
  })
}
