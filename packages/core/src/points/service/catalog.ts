/**
 * The catalog of low-cost services (低偿服务): published and changed by the merchant's
 * side, read by residents of the nodes it is offered at.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Recorded } from "../../kernel/decider.js"
import { pathOf } from "../../kernel/directory.js"
import { invalidField, notFound } from "../../kernel/errors.js"
import { now } from "../../kernel/time.js"
import { serviceDecider } from "../machine.js"
import type { AccountId, CatalogService, ServiceId } from "../model.js"
import type { Points } from "../service.js"
import type { Kit } from "./kit.js"

/** The use cases of the service catalog. */
export const makeCatalog = (kit: Kit): Pick<Points["Service"], "publishService" | "updateService" | "catalog"> => {
  const { access, commands, freeServices, holderOr, ids, loadAccount, store, uow } = kit
  /** A price of 0 points only on a partner's merchant account: its free service. */
  const freeOnlyForPartners = (pricePoints: number | undefined, merchant: AccountId) =>
    pricePoints !== 0 ? Effect.void : Effect.flatMap(freeServices.isPartnerMerchant(merchant), (partner) =>
      partner ? Effect.void : Effect.fail(invalidField("pricePoints", "must be at least 1 point: only a partner organisation's free service is listed at 0", "至少 1 积分：只有睦邻合伙人的免费服务可以标为 0 积分")))
  return {
    publishService: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const merchant = yield* loadAccount(command.merchantAccountId)
        if (merchant.kind !== "merchant") return yield* Effect.fail(invalidField("merchantAccountId", "must be a merchant account", "必须是商户账户"))
        yield* holderOr(actor, merchant, "points.catalog.write", "points.catalog.write")
        yield* freeOnlyForPartners(command.pricePoints, merchant.id)
        const node = yield* access.at(actor, "grid.tree.read", command.nodeId, { county: merchant.countyId, live: true })
        const at = yield* now
        const svc: CatalogService = {
          id: `svc_${yield* ids.ulid}` as ServiceId,
          countyId: node.countyId,
          nodeId: node.id,
          merchantAccountId: merchant.id,
          title: command.title,
          description: command.description ?? "",
          pricePoints: command.pricePoints,
          cashFen: command.cashFen ?? 0,
          stock: command.stock ?? null,
          dailyCapacity: command.dailyCapacity ?? null,
          status: "active",
          version: 0,
          createdAt: at,
          updatedAt: at
        }
        const result = yield* commands.run({
          actor,
          aggregate: "service",
          id: svc.id,
          decider: serviceDecider,
          command: { _tag: "Publish", service: svc },
          load: Effect.succeed<CatalogService | undefined>(undefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next) => store.insertService(next),
          record: (e): Recorded => ({ type: "points.service.published", scope: pathOf(node), payload: { pricePoints: e.service.pricePoints, merchantAccountId: e.service.merchantAccountId } })
        })
        return result.state
      })),

    updateService: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getService(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("service", id))
        const merchant = yield* loadAccount(found.value.merchantAccountId)
        yield* holderOr(actor, merchant, "points.catalog.write", "points.catalog.write").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("service", id))))
        const place = yield* access.check(actor, "grid.tree.read", { entity: "service", id, nodeId: found.value.nodeId }, { county: merchant.countyId, involved: true })
        yield* freeOnlyForPartners(command.pricePoints, merchant.id)
        const result = yield* commands.run({
          actor,
          aggregate: "service",
          id,
          decider: serviceDecider,
          command: { _tag: "Update", changes: command, expectedVersion: command.expectedVersion },
          load: Effect.map(store.getService(id), Option.getOrUndefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next, expected) => store.updateService(next, expected),
          record: (e): Recorded => ({ type: "points.service.updated", scope: pathOf(place), payload: { pricePoints: e.service.pricePoints, stock: e.service.stock, status: e.service.status } })
        })
        return result.state
      })),

    catalog: (actor, nodeId) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "grid.tree.read", nodeId)
        return yield* store.servicesAt(pathOf(place))
      })
  }
}
