/**
 * Bulk writes through `COPY … FROM STDIN` (PostgreSQL's text format, streamed by
 * `pg-copy-streams`): the rows travel as tab-separated lines, parsed by the server without a
 * statement per row or a JSON document to take apart.
 */
import type pg from "pg"
import { from } from "pg-copy-streams"

/** A value as a field of COPY's text format (`\N` is NULL; backslash, tab and line breaks escaped). */
export const copyField = (value: unknown): string => {
  if (value === null || value === undefined) return "\\N"
  if (typeof value === "string") return escape(value)
  if (typeof value === "boolean") return value ? "t" : "f"
  if (Array.isArray(value)) return escape(arrayLiteral(value))
  return escape(String(value))
}

const SPECIAL = /[\\\t\n\r]/
const escape = (s: string): string =>
  SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : s

/** A one-dimensional array literal, every element quoted: `{"a","b"}`. */
const arrayLiteral = (values: ReadonlyArray<unknown>): string =>
  `{${values.map((v) => (v === null || v === undefined ? "NULL" : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(",")}}`

/** Rows in a chunk written to the stream at once. */
const CHUNK = 1000

/**
 * Copies `rows` (each an array of values in the order of `columns`) into `table` on `client`;
 * resolves with the number of rows the server took, rejects with the server's error (a unique
 * violation carries its `code`, `constraint` and `detail` as for an INSERT).
 */
export const copyRows = (client: pg.ClientBase, table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>): Promise<number> =>
  new Promise<number>((resolve, reject) => {
    const stream = client.query(from(`COPY ${table} (${columns.join(", ")}) FROM STDIN`))
    let settled = false
    const fail = (e: unknown) => {
      if (settled) return
      settled = true
      reject(e)
    }
    stream.on("error", fail)
    stream.on("finish", () => {
      if (settled) return
      settled = true
      resolve(stream.rowCount)
    })
    let i = 0
    const write = (): void => {
      while (i < rows.length) {
        const end = Math.min(rows.length, i + CHUNK)
        let text = ""
        for (; i < end; i++) {
          const row = rows[i]!
          for (let c = 0; c < row.length; c++) text += (c === 0 ? "" : "\t") + copyField(row[c])
          text += "\n"
        }
        if (!stream.write(text)) {
          stream.once("drain", write)
          return
        }
      }
      stream.end()
    }
    write()
  })
