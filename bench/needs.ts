/**
 * An open need as the benchmarks store it directly (posted, nobody assigned yet): the fields
 * a benchmark varies, and the rest as a fresh post leaves them.
 */
import type { Need } from "@mulin/core"

/** What a benchmark chooses of an open need. */
export type OpenNeedFields = Pick<Need, "id" | "countyId" | "nodeId" | "scope" | "category" | "requiredSkills" | "requester" | "urgency" | "dueAt" | "slots" | "title">

/**
 * An open micro-wish posted and last changed at `at`, version 1. Written out field by field,
 * as a decoded need is, rather than spread: a spread copy gives every need a different
 * object shape from the one the store's needs have, and the ranking's hot loops read them.
 */
export const openNeed = (fields: OpenNeedFields, at: string): Need => ({
  id: fields.id,
  countyId: fields.countyId,
  nodeId: fields.nodeId,
  scope: fields.scope,
  kind: "micro_wish",
  category: fields.category,
  title: fields.title,
  publicTitle: fields.title,
  description: "",
  requiredSkills: fields.requiredSkills,
  requester: fields.requester,
  urgency: fields.urgency,
  dueAt: fields.dueAt,
  slots: fields.slots,
  reward: null,
  state: "open",
  status: "open",
  assignees: [],
  visits: [],
  helpers: [],
  doneAt: null,
  confirmation: null,
  paid: [],
  reason: null,
  postedAt: at,
  respondedAt: null,
  closedAt: null,
  version: 1,
  updatedAt: at
})
