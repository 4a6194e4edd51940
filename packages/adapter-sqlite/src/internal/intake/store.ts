/**
 * The intake port on SQLite: requests whole as JSON in `doc`, with the materialised path,
 * the reference (unique per county), the status, channel, category, target and time of
 * intake beside it; the day's serial numbers taken with one upsert in the unit of work's
 * transaction (the single writer orders concurrent intakes); the guards on wrong follow
 * codes; the counties' configurations.
 */
import { type Conflict, type FollowGuard, type IntakeRequestId, IntakeStore, type StorageError } from "@mulin/core"
import { intakeConfigs, intakeRequests } from "@mulin/sql"
import { Effect, Option } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { getRow, raw } from "../kernel/statements.js"

const configs = countyConfigTable(intakeConfigs)
const requests = documentTable(intakeRequests)

const byReference = raw<{ readonly doc: string }>("SELECT doc FROM intake_requests WHERE county_id = ? AND reference = ?")
const byTarget = raw<{ readonly doc: string }>("SELECT doc FROM intake_requests WHERE target_id = ? ORDER BY id LIMIT 1")
const nextSerial = raw<{ readonly serial: number }>(
  "INSERT INTO intake_serials (county_id, day, serial) VALUES (?, ?, 1) ON CONFLICT (county_id, day) DO UPDATE SET serial = serial + 1 RETURNING serial"
)
const selectGuard = raw<{ readonly request_id: IntakeRequestId; readonly failures: number; readonly window_start: string; readonly locked_until: string | null }>(
  "SELECT request_id, failures, window_start, locked_until FROM intake_follow_guards WHERE request_id = ?"
)
const saveGuard = "INSERT INTO intake_follow_guards (request_id, failures, window_start, locked_until) VALUES (?, ?, ?, ?) " +
  "ON CONFLICT (request_id) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until"

/** Makes the intake store over an open database. */
export const makeIntakeStore = (db: SqliteDatabase["Service"]): IntakeStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  const one = (s: StatementSource, row: { readonly doc: string } | undefined) => (row === undefined ? Option.none() : Option.some(requests.decodeAll([row])[0]!))
  return IntakeStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),
    nextSerial: (countyId, date) => db.write((s) => getRow(s, nextSerial, countyId, date)!.serial),
    get: (id) => db.read((s) => requests.get(s, id)),
    getByReference: (countyId, reference) => db.read((s) => one(s, getRow(s, byReference, countyId, reference))),
    routedTo: (targetId) => db.read((s) => one(s, getRow(s, byTarget, targetId))),
    insert: (request) => write((s) => requests.insert(s, request)),
    update: (request, expectedVersion) => write((s) => requests.update(s, request, expectedVersion)),
    list: ({ after, category, channel, limit, scope, status }) =>
      db.read((s) => requests.page(s, new Filter(scope).eq("status", status).eq("channel", channel).eq("category", category), after, limit)),
    getGuard: (id) =>
      db.read((s) => {
        const row = getRow(s, selectGuard, id)
        return row === undefined
          ? Option.none<FollowGuard>()
          : Option.some<FollowGuard>({ requestId: row.request_id, failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until })
      }),
    saveGuard: (guard) => db.write((s) => void s.prepare(saveGuard).run(guard.requestId, guard.failures, guard.windowStart, guard.lockedUntil))
  })
}

