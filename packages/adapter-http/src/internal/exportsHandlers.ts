/**
 * The exports handlers: a registered export run as the caller (`SheetExports.run` checks
 * `exports.read` at the subtree's root) and answered as a CSV stream, or as `.xlsx` through
 * the optional `SheetWorkbook`. Without `SheetExports` every exports endpoint answers 404,
 * as the notifications endpoints do without `Notifications`.
 *
 * @internal
 */
import { notFound, type Sheet, sheetCsvChunks, SheetExports, SheetWorkbook } from "@mulin/core"
import { Effect, Option, Stream } from "effect"
import { HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

const disabled = Effect.fail(notFound("exports service", "this server"))

// RFC 5987 `attr-char`: what may stay as it is in `filename*`; everything else is %-encoded.
const rfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * `Content-Disposition` for a file named `name` (RFC 6266): `fallback` as the plain
 * `filename` for old clients (any character outside printable ASCII, `"`, `\` or `%` as
 * `_`) and the real name in `filename*` (RFC 5987, UTF-8).
 */
export const contentDisposition = (name: string, fallback: string): string => {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\%]/g, "_")
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`
}

const pickSheet = (sheets: ReadonlyArray<Sheet>, wanted: string | undefined): Sheet | undefined => {
  if (wanted === undefined) return sheets[0]
  const n = /^[1-9][0-9]*$/.test(wanted) ? Number(wanted) : Number.NaN
  return Number.isInteger(n) ? sheets[n - 1] : sheets.find((s) => s.name === wanted)
}

/** The exports group's handlers; uses `SheetExports` (and `SheetWorkbook`) when provided. */
export const exportsHandlersLayer = HttpApiBuilder.group(MulinApi, "exports", Effect.fn(function*(handlers) {
  const found = yield* Effect.serviceOption(SheetExports)
  const workbook = yield* Effect.serviceOption(SheetWorkbook)
  if (Option.isNone(found)) return handlers.handle("list", () => disabled).handle("file", () => disabled)
  const exports = found.value
  return handlers
    .handle("list", () => Effect.succeed(exports.list.map((e) => ({ name: e.name, en: e.en, zh: e.zh }))))
    .handle("file", ({ params, query }) =>
      asActor((actor) =>
        Effect.gen(function*() {
          const format = query.format ?? "csv"
          const language = query.lang ?? "zh"
          if (format === "xlsx" && Option.isNone(workbook)) return yield* Effect.fail(notFound("xlsx writer", "this server"))
          const result = yield* exports.run(actor, params.name, params.id, { from: query.from, to: query.to })
          const title = language === "zh" ? result.export.zh : result.export.en
          const stem = `${title}_${result.from}_${result.to}`
          const asciiStem = `${result.export.name}_${result.from}_${result.to}`
          if (format === "xlsx" && Option.isSome(workbook)) {
            const bytes = yield* workbook.value.write(result.sheets, { language, timeZone: result.timeZone })
            return HttpServerResponse.uint8Array(bytes, {
              contentType: workbook.value.contentType,
              headers: { "content-disposition": contentDisposition(`${stem}.${workbook.value.extension}`, `${asciiStem}.${workbook.value.extension}`) }
            })
          }
          const sheet = pickSheet(result.sheets, query.sheet)
          if (sheet === undefined) return yield* Effect.fail(notFound("sheet", query.sheet ?? "1"))
          const encoder = new TextEncoder()
          const several = result.sheets.length > 1
          const name = several ? `${stem}_${sheet.name}.csv` : `${stem}.csv`
          const fallback = several ? `${asciiStem}_${result.sheets.indexOf(sheet) + 1}.csv` : `${asciiStem}.csv`
          return HttpServerResponse.stream(Stream.fromIterable(sheetCsvChunks(sheet, { language })).pipe(Stream.map((chunk) => encoder.encode(chunk))), {
            contentType: "text/csv; charset=utf-8",
            headers: { "content-disposition": contentDisposition(name, fallback) }
          })
        })
      ))
}))
