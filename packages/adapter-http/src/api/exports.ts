/**
 * `/exports` and `/nodes/{id}/exports/{name}`: every report a context registers as an
 * export (`SheetExports`), served as a file — CSV always, `.xlsx` when the server is given a
 * workbook writer (`SheetWorkbook`, from `@mulin/sheets`).
 *
 * @since 0.5.0
 */
import { CalendarDate, GridNodeId } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, HttpApiSchema, OpenApi } from "effect/http-api"
import { Authentication, RequestValidation } from "./middleware.js"
import { doc, LifecycleErrors } from "./shared.js"

/**
 * A registered export: its name (the last segment of its URL) and its title.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ExportInfo = Schema.Struct({ name: Schema.String, en: Schema.String, zh: Schema.String })

/**
 * An export's query: the file's format (default `csv`), the headers' language (default
 * `zh`), the period in the county's calendar (default: this year to today) and, for CSV,
 * which sheet (its name or 1-based number; default the first).
 *
 * @category schemas
 * @since 0.5.0
 */
export const ExportQuery = {
  format: Schema.optional(Schema.Literals(["csv", "xlsx"])),
  lang: Schema.optional(Schema.Literals(["zh", "en"])),
  from: Schema.optional(CalendarDate),
  to: Schema.optional(CalendarDate),
  sheet: Schema.optional(Schema.String.check(Schema.isMaxLength(64)))
}

/**
 * The exports of a subtree's reports as files. Staff only: `exports.read` at the subtree's
 * root (the county's, streets' and communities' staff and the grid's worker), and the
 * export's own view is read with the caller's rights, so a sheet masks what its JSON
 * masks. An unknown export, a node out of scope, a CSV sheet that does not exist, or
 * `format=xlsx` on a server without a workbook writer answer 404.
 *
 * @category api
 * @since 0.5.0
 */
export class ExportsGroup extends HttpApiGroup.make("exports")
  .add(
    HttpApiEndpoint.get("list", "/exports", { success: Schema.Array(ExportInfo), error: LifecycleErrors })
      .annotateMerge(doc("listExports", "The registered exports", "Each export's name (for `/nodes/{id}/exports/{name}`) and title in English and Chinese.")),
    HttpApiEndpoint.get("file", "/nodes/:id/exports/:name", {
      params: { id: GridNodeId, name: Schema.String.check(Schema.isMaxLength(64)) },
      query: ExportQuery,
      success: HttpApiSchema.StreamUint8Array({ contentType: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] }),
      error: LifecycleErrors
    })
      .annotateMerge(doc("exportFile", "A subtree's report as a CSV or .xlsx file (导出)",
        "CSV: one sheet, UTF-8 with a byte-order mark, RFC 4180, a text beginning with =, +, -, @, tab or CR prefixed with ' so no spreadsheet evaluates it. " +
        ".xlsx: every sheet of the export, Chinese headers (or English with `lang=en`), frozen header row, numbers as numbers, dates as text of the county's calendar. " +
        "The file is named in Chinese in `Content-Disposition` (RFC 6266, `filename*` per RFC 5987)."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Exports", description: "导出 · CSV · .xlsx" })) {}
