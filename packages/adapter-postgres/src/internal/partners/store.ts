/**
 * The partners port on PostgreSQL: each partner and each provided service whole as JSON in
 * `doc`, with the materialised path (subtree ranges), type, status and instants beside it;
 * the merchant accounts a partner linked in `partner_merchants`.
 */
import { Partner, PartnersStore } from "@mulin/core"
import { partnerOrganisations, partnerServices } from "@mulin/sql"
import { Effect, Option } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { documentTable, Filter } from "../kernel/documents.js"

/** Makes the partners store over an open database. */
export const makePartnersStore = (db: PostgresDatabase["Service"]): PartnersStore["Service"] => {
  const partners = documentTable(db, partnerOrganisations)
  const provisions = documentTable(db, partnerServices)
  /** Links the partner's merchant accounts (an account linked already keeps its partner). */
  const linkMerchants = (p: Partner) =>
    p.merchantAccountIds.length === 0
      ? Effect.void
      : db.change(
        "INSERT INTO partner_merchants (county_id, account_id, partner_id) SELECT $1, account, $2 FROM unnest($3::text[]) AS account ON CONFLICT DO NOTHING",
        [p.countyId, p.id, [...p.merchantAccountIds]]
      ).pipe(Effect.asVoid)
  return PartnersStore.of({
    get: partners.get,
    getMany: partners.getMany,
    insert: (p) => db.write(Effect.andThen(partners.insert(p), linkMerchants(p))),
    update: (p, expectedVersion) => db.write(Effect.andThen(partners.update(p, expectedVersion), linkMerchants(p))),
    list: ({ after, limit, scope, status, type }) => partners.page(new Filter(scope).eq("type", type).eq("status", status), after, limit),
    byMerchantAccount: (accountId) =>
      Effect.flatMap(
        db.query<{ partner_id: string }>("SELECT partner_id FROM partner_merchants WHERE account_id = $1 ORDER BY county_id LIMIT 1", [accountId]),
        (rows) => (rows.length === 0 ? Effect.succeed(Option.none<Partner>()) : partners.get(rows[0]!.partner_id))
      ),
    countActive: (scope, from, to) => {
      const filter = new Filter(scope).add("created_at < ? AND (withdrawn_at IS NULL OR withdrawn_at >= ?)", to, from)
      return Effect.map(db.query<{ n: string }>(`SELECT count(*) AS n FROM partners WHERE ${filter.sql}`, filter.args), (rows) => Number(rows[0]?.n ?? 0))
    },
    insertProvision: provisions.insert,
    provisions: (scope, from, to) => provisions.where(new Filter(scope).add("provided_at >= ? AND provided_at < ?", from, to))
  })
}
