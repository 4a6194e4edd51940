/**
 * The problems an import finds, collected across every file and reported together.
 *
 * @internal
 */
import { type ImportFile, type ImportIssue, ImportRejected } from "./format.js"

/** How many issues an {@link ImportRejected} lists by default. */
export const MAX_ISSUES = 1000

/** The problems found so far: the first `max` of them, and how many in all. */
export class Issues {
  readonly list: Array<ImportIssue> = []
  total = 0
  constructor(readonly max: number) {}
  add(file: ImportFile, row: number, column: string, message: string, messageZh: string): void {
    this.total++
    if (this.list.length < this.max) this.list.push({ file, row, column, message, messageZh })
  }
  /** A copy to add to, leaving this one as it is. */
  copy(): Issues {
    const out = new Issues(this.max)
    out.list.push(...this.list)
    out.total = this.total
    return out
  }
}

/** The error that rejects an import, naming the first problem. */
export const rejected = (issues: Issues): ImportRejected => {
  const first = issues.list[0]
  const where = first === undefined ? "" : ` (first: ${first.file} row ${first.row}${first.column === "" ? "" : `, ${first.column}`}: ${first.message})`
  const whereZh = first === undefined ? "" : `（首个：${first.file} 第 ${first.row} 行${first.column === "" ? "" : `「${first.column}」列`}：${first.messageZh}）`
  return new ImportRejected({
    issues: issues.list,
    total: issues.total,
    message: `the import was rejected with ${issues.total} problem(s) and nothing was written${where}`,
    messageZh: `导入被拒绝，共 ${issues.total} 处问题，未写入任何数据${whereZh}`
  })
}
