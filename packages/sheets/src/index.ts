/**
 * `@mulin/sheets`: Mulin's spreadsheets on exceljs. Sheets (the core's `Sheet`) written as
 * one `.xlsx` workbook, served by the HTTP adapter when given {@link layer}; a county's
 * workbook read for the grid import, the same plan and the same row errors as its CSV files.
 *
 * @since 0.5.0
 */
import { SheetWorkbook } from "@mulin/core"
import { Layer } from "effect"
import { writeXlsx, XLSX_CONTENT_TYPE } from "./write.js"

export * from "./read.js"
export * from "./write.js"

/**
 * The `.xlsx` writer as the core's optional `SheetWorkbook` service: provide it to a
 * server to serve exports as `.xlsx` as well as CSV.
 *
 * @category layers
 * @since 0.5.0
 */
export const layer: Layer.Layer<SheetWorkbook> = Layer.succeed(SheetWorkbook, SheetWorkbook.of({ contentType: XLSX_CONTENT_TYPE, extension: "xlsx", write: writeXlsx }))
