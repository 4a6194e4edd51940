/**
 * A workbook's zip container checked before any spreadsheet library opens it: the file's
 * size, its number of entries and worksheets, and the bytes every entry really inflates to
 * (each entry is inflated with a hard output limit, so a zip bomb stops at the limit
 * whatever sizes its headers claim).
 *
 * @internal
 */
import { inflateRawSync } from "node:zlib"

/** Why a container is refused, in English and Chinese. */
export interface ZipProblem {
  readonly limit: "bytes" | "entries" | "inflated" | "sheets" | "format"
  readonly message: string
  readonly messageZh: string
}

/** The limits a container is checked against. */
export interface ZipLimits {
  readonly maxBytes: number
  readonly maxEntries: number
  readonly maxInflatedBytes: number
  readonly maxSheets: number
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const mib = (n: number) => `${Math.round(n / 1048576)} MiB`

const notZip: ZipProblem = {
  limit: "format",
  message: "the file is not an .xlsx workbook (a zip container): save it in Excel or WPS as .xlsx",
  messageZh: "该文件不是 .xlsx 工作簿（zip 格式）：请在 Excel 或 WPS 中另存为 .xlsx"
}

/** More worksheets than `max`. */
export const tooManySheets = (max: number): ZipProblem => ({ limit: "sheets", message: `the workbook has more than ${max} worksheets`, messageZh: `工作簿的工作表超过 ${max} 个` })

/** Checks the container; `undefined` when it is within every limit. */
export const checkZip = (bytes: Uint8Array, limits: ZipLimits): ZipProblem | undefined => {
  if (bytes.length > limits.maxBytes) {
    return { limit: "bytes", message: `the workbook is ${mib(bytes.length)}, more than the ${mib(limits.maxBytes)} accepted: split it or import CSV files`, messageZh: `工作簿大小为 ${mib(bytes.length)}，超过上限 ${mib(limits.maxBytes)}：请拆分或改用 CSV 文件导入` }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return notZip
  const entries = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  if (entries === 0xffff || at === 0xffffffff) return notZip
  if (entries > limits.maxEntries) {
    return { limit: "entries", message: `the workbook holds ${entries} files, more than the ${limits.maxEntries} accepted`, messageZh: `工作簿内含 ${entries} 个文件，超过上限 ${limits.maxEntries} 个` }
  }
  let inflated = 0
  let sheets = 0
  const decoder = new TextDecoder()
  for (let e = 0; e < entries; e++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return notZip
    const method = view.getUint16(at + 10, true)
    const compressed = view.getUint32(at + 20, true)
    const nameLength = view.getUint16(at + 28, true)
    const local = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && ++sheets > limits.maxSheets) return tooManySheets(limits.maxSheets)
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return notZip
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    const data = bytes.subarray(start, start + compressed)
    const budget = limits.maxInflatedBytes - inflated
    let size: number
    if (method === 0) size = data.length
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") size = budget + 1
        else return notZip
      }
    } else return notZip
    inflated += size
    if (inflated > limits.maxInflatedBytes) {
      return { limit: "inflated", message: `the workbook unpacks to more than ${mib(limits.maxInflatedBytes)}: split it or import CSV files`, messageZh: `工作簿解压后超过 ${mib(limits.maxInflatedBytes)}：请拆分或改用 CSV 文件导入` }
    }
  }
  return undefined
}
