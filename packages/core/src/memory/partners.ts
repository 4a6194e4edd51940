/**
 * The in-memory partners store: the reference implementation of `PartnersStore`, on the
 * unit of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import { type Conflict, duplicateId } from "../kernel/errors.js"
import type { Partner, Provision } from "../partners/model.js"
import { PartnersStore } from "../partners/store.js"
import { inScope, putUndoable, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

/**
 * Builds the in-memory `PartnersStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryPartnersStore = (kit: MemoryKit): PartnersStore["Service"] => {
  const partners = versionedDocuments<Partner>(kit, "partner organisation", (p) => p.id)
  const provided = new Map<string, Provision>()
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const all = () => [...partners.docs.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  return PartnersStore.of({
    get: partners.get,
    getMany: (ids) => read(() => ids.flatMap((id) => partners.docs.get(id) ?? [])),
    insert: partners.insert,
    update: partners.update,
    list: ({ after, limit, scope, status, type }) =>
      read(() => {
        const found = all().filter((p) =>
          inScope(scope, p.scope) && (after === undefined || p.id > after) && (type === undefined || p.type === type) && (status === undefined || p.status === status))
        const n = Math.max(1, Math.floor(limit))
        const items = found.slice(0, n)
        return { items, next: found.length > n ? items[items.length - 1]!.id : null }
      }),
    byMerchantAccount: (accountId) => read(() => Option.fromNullishOr(all().find((p) => p.merchantAccountIds.includes(accountId)))),
    countActive: (scope, from, to) =>
      read(() => all().filter((p) => inScope(scope, p.scope) && p.createdAt < to && (p.withdrawnAt === null || p.withdrawnAt >= from)).length),
    insertProvision: (provision) =>
      kit.op((tx): Exit.Exit<void, Conflict> => {
        if (provided.has(provision.id)) return Exit.fail(duplicateId("partner service", provision.id))
        putUndoable(provided, provision.id, provision, tx)
        return Exit.void
      }),
    provisions: (scope, from, to) =>
      read(() => [...provided.values()].filter((p) => inScope(scope, p.scope) && p.providedAt >= from && p.providedAt < to).sort((a, b) => (a.id < b.id ? -1 : 1)))
  })
}
