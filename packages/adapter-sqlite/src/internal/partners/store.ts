/**
 * The partners port on SQLite: each partner and each provided service whole as JSON in
 * `doc`, with the materialised path (subtree ranges), type, status and instants beside it;
 * the merchant accounts a partner linked in `partner_merchants`.
 */
import { type Conflict, Partner, PartnersStore, type StorageError } from "@mulin/core"
import { partnerOrganisations, partnerServices } from "@mulin/sql"
import { Effect, Option } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, getRow, raw } from "../kernel/statements.js"

const partners = documentTable(partnerOrganisations)
const provisions = documentTable(partnerServices)
const linkMerchants = (s: StatementSource, p: Partner) => {
  for (const account of p.merchantAccountIds) s.prepare("INSERT OR IGNORE INTO partner_merchants (account_id, partner_id) VALUES (?, ?)").run(account, p.id)
}

/** Makes the partners store over an open database. */
export const makePartnersStore = (db: SqliteDatabase["Service"]): PartnersStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  return PartnersStore.of({
    get: (id) => db.read((s) => partners.get(s, id)),
    getMany: (ids) => db.read((s) => partners.getMany(s, ids)),
    insert: (p) => write((s) => (partners.insert(s, p), linkMerchants(s, p))),
    update: (p, expectedVersion) => write((s) => (partners.update(s, p, expectedVersion), linkMerchants(s, p))),
    list: ({ after, limit, scope, status, type }) => db.read((s) => partners.page(s, new Filter(scope).eq("type", type).eq("status", status), after, limit)),
    byMerchantAccount: (accountId) =>
      db.read((s) => {
        const row = getRow(s, raw<{ readonly partner_id: string }>("SELECT partner_id FROM partner_merchants WHERE account_id = ?"), accountId)
        return row === undefined ? Option.none() : partners.get(s, row.partner_id)
      }),
    countActive: (scope, from, to) =>
      db.read((s) => {
        const filter = new Filter(scope).add("created_at < ? AND (withdrawn_at IS NULL OR withdrawn_at >= ?)", to, from)
        return getRow(s, raw<{ readonly n: number }>(`SELECT COUNT(*) AS n FROM partners WHERE ${filter.sql}`), ...filter.args)?.n ?? 0
      }),
    insertProvision: (p) => write((s) => provisions.insert(s, p)),
    provisions: (scope, from, to) =>
      db.read((s) => {
        const filter = new Filter(scope).add("provided_at >= ? AND provided_at < ?", from, to)
        return provisions.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM partner_services WHERE ${filter.sql} ORDER BY id`), ...filter.args))
      })
  })
}
