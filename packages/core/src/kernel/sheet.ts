/**
 * A report as a table: the shape every export (CSV, `.xlsx`) is written from, with headers
 * in English and Chinese. Contexts build sheets; adapters write them.
 *
 * @since 0.5.0
 */

/**
 * One column of a sheet: the key of its cells in each row and its header in both languages.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetColumn {
  readonly key: string
  readonly en: string
  readonly zh: string
}

/**
 * A cell's value: text, a number, a yes/no, or empty.
 *
 * @category models
 * @since 0.5.0
 */
export type SheetCell = string | number | boolean | null

/**
 * A named table of rows: one CSV file, or one worksheet of a workbook.
 *
 * @category models
 * @since 0.5.0
 */
export interface Sheet {
  /** The file's or worksheet's name, e.g. `工作台账`. */
  readonly name: string
  readonly columns: ReadonlyArray<SheetColumn>
  readonly rows: ReadonlyArray<Readonly<Record<string, SheetCell>>>
}
