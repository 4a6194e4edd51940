/**
 * Driver errors as domain errors. A UNIQUE violation is the caller's conflict (a code or
 * an id already taken); anything else is a `StorageError`.
 */
import { Conflict, conflict, duplicateId } from "@mulin/core"
import type { Duplicate } from "@mulin/sql"

/** What a write found already taken, to say so in the conflict. */
export type { Duplicate }

/** Whether a driver error is a UNIQUE or PRIMARY KEY violation. */
export const isUniqueViolation = (error: unknown): error is Error & { readonly code: string } =>
  sqliteCode(error) === "SQLITE_CONSTRAINT_UNIQUE" || sqliteCode(error) === "SQLITE_CONSTRAINT_PRIMARYKEY"

/** The driver's error code (`SQLITE_CONSTRAINT_FOREIGNKEY`, …), if the error has one. */
export const sqliteCode = (error: unknown): string | undefined =>
  error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined

/**
 * The conflict a UNIQUE violation means, or the error itself when it is not one. SQLite
 * names the columns (`UNIQUE constraint failed: nodes.parent_id, nodes.code`): a clash on
 * the primary key alone is a taken id, any other a taken natural key.
 */
export const asDuplicate = (error: unknown, duplicate: Duplicate): unknown => {
  if (!isUniqueViolation(error)) return error
  const columns = error.message.slice(error.message.indexOf(":") + 1).trim()
  if (/^\w+\.id$/.test(columns)) {
    return duplicateId(duplicate.entity, duplicate.id)
  }
  return conflict(duplicate.reason ?? "duplicate_code", duplicate.codeTaken[0], duplicate.codeTaken[1])
}

/** Passes conflicts thrown inside a write through as failures; the rest become `StorageError`. */
export const conflictsOnly = (error: unknown): Conflict | undefined => (error instanceof Conflict ? error : undefined)
