/** One-window intake's rows: each request whole as JSON in `doc`, beside the columns its queries need. */
import { IntakeConfig, StoredIntakeRequest } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

/**
 * A request as read back: every check of the core schema.
 *
 * @category intake
 * @since 0.5.0
 */
export const decodeRequest = Schema.decodeUnknownSync(StoredIntakeRequest)

/**
 * The table of intake requests.
 *
 * @category intake
 * @since 0.5.0
 */
export const intakeRequests = documentShape({
  table: "intake_requests",
  entity: "intake request",
  id: (r: StoredIntakeRequest) => r.id,
  row: (r) => ({
    id: r.id,
    county_id: r.countyId,
    path: toPath(r.scope),
    reference: r.reference,
    status: r.status,
    channel: r.channel,
    category: r.category,
    target_id: r.route?.targetId ?? null,
    received_at: r.receivedAt,
    version: r.version,
    doc: JSON.stringify(r)
  }),
  decode: (doc) => decodeRequest(JSON.parse(doc))
})

/**
 * The table of the counties' intake configurations.
 *
 * @category intake
 * @since 0.5.0
 */
export const intakeConfigs = configShape("intake_configs", "intake configuration", IntakeConfig)
