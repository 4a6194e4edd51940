/**
 * The in-memory intake store: the reference implementation of `IntakeStore`, on the unit
 * of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import { duplicateId, staleVersion } from "../kernel/errors.js"
import type { FollowGuard, IntakeConfig, StoredIntakeRequest } from "../intake/model.js"
import { IntakeStore } from "../intake/store.js"
import { inScope, putUndoable, versionedDocuments } from "./documents.js"
import type { MemoryKit, MemoryTx } from "./kit.js"

/**
 * Builds the in-memory `IntakeStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryIntakeStore = (kit: MemoryKit): IntakeStore["Service"] => {
  const requests = versionedDocuments<StoredIntakeRequest>(kit, "intake request", (r) => r.id)
  const configs = versionedDocuments<IntakeConfig>(kit, "intake configuration", (c) => c.countyId)
  const references = new Map<string, StoredIntakeRequest["id"]>()
  const targets = new Map<string, StoredIntakeRequest["id"]>()
  const serials = new Map<string, number>()
  const guards = new Map<string, FollowGuard>()
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const byId = (id: string | undefined) => Option.fromNullishOr(id === undefined ? undefined : requests.docs.get(id))
  const indexTarget = (r: StoredIntakeRequest, tx: MemoryTx | undefined) => {
    if (r.route?.targetId != null) putUndoable(targets, r.route.targetId, r.id, tx)
  }

  return IntakeStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    nextSerial: (countyId, date) =>
      kit.op((tx) => {
        const key = `${countyId}|${date}`
        const n = (serials.get(key) ?? 0) + 1
        putUndoable(serials, key, n, tx)
        return Exit.succeed(n)
      }),
    get: (id) => read(() => byId(id)),
    getByReference: (countyId, reference) => read(() => byId(references.get(`${countyId}|${reference}`))),
    routedTo: (targetId) => read(() => byId(targets.get(targetId))),
    insert: (request) =>
      kit.op((tx) => {
        const key = `${request.countyId}|${request.reference}`
        if (requests.docs.has(request.id) || references.has(key)) return Exit.fail(duplicateId("intake request", request.id))
        putUndoable(requests.docs, request.id, request, tx)
        putUndoable(references, key, request.id, tx)
        indexTarget(request, tx)
        return Exit.void
      }),
    update: (request, expected) =>
      kit.op((tx) => {
        const stored = requests.docs.get(request.id)
        if (stored === undefined || stored.version !== expected) return Exit.fail(staleVersion("intake request", request.id, expected, stored?.version ?? 0))
        putUndoable(requests.docs, request.id, request, tx)
        indexTarget(request, tx)
        return Exit.void
      }),
    list: ({ after, category, channel, limit, scope, status }) =>
      read(() => {
        const found = [...requests.docs.values()]
          .filter((r) =>
            inScope(scope, r.scope) && (status === undefined || r.status === status) && (channel === undefined || r.channel === channel) &&
            (category === undefined || r.category === category) && (after === undefined || r.id > after)
          )
          .sort((a, b) => (a.id < b.id ? -1 : 1))
        const n = Math.max(1, Math.floor(limit))
        const items = found.slice(0, n)
        return { items, next: found.length > n ? items[items.length - 1]!.id : null }
      }),
    getGuard: (id) => read(() => Option.fromNullishOr(guards.get(id))),
    saveGuard: (guard) => kit.op((tx) => Exit.succeed(putUndoable(guards, guard.requestId, guard, tx)))
  })
}
