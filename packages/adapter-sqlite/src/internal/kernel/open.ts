/**
 * Opening a connection with the settings every Mulin database runs with.
 */
import Database from "better-sqlite3"

/** How long a connection waits for another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000

/** Page cache per connection (KiB) and memory-mapped reads (bytes). */
export const CACHE_KIB = 64 * 1024
export const MMAP_BYTES = 1024 * 1024 * 1024

/**
 * A county's database is a few GB: SQLite's default 2 MiB page cache turns every index
 * insert of a bulk import and every random point read into a disk read. A larger cache and
 * memory-mapped reads keep the hot B-tree pages in memory.
 */
const tune = (db: Database.Database): void => {
  db.pragma(`cache_size = -${CACHE_KIB}`)
  db.pragma(`mmap_size = ${MMAP_BYTES}`)
  db.pragma("temp_store = MEMORY")
}

/**
 * Opens `filename` (or `":memory:"`). A file database gets WAL (readers never block the
 * writer) with `synchronous=NORMAL` (no fsync per commit: a power cut may lose the last
 * commits but never corrupts the file); every database gets foreign keys and a busy
 * timeout.
 */
export const openConnection = (filename: string): Database.Database => {
  const db = new Database(filename, { timeout: BUSY_TIMEOUT_MS })
  try {
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.pragma("foreign_keys = ON")
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    tune(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens a read-only connection to a file database that `openConnection` set up, for reads
 * outside transactions: in WAL mode it reads the last commit while the writer works.
 */
export const openReader = (filename: string): Database.Database => {
  const db = new Database(filename, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    tune(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Whether `filename` names a private in-memory (or temporary) database, which one connection owns. */
export const isPrivate = (filename: string): boolean => filename === ":memory:" || filename === "" || filename.includes("mode=memory")
