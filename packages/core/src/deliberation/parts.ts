/**
 * The small schemas the deliberation model's modules share: counts, versions, scores,
 * percentages, a reason and the fields every event carries. Not part of the public face of
 * the context.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { Prose } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"

export const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

export const Count = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100_000 }, rule("must be an integer from 0 to 100000", "必须是 0 到 100000 之间的整数")))
export const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be a version (0 or more)", "必须是版本号（不小于 0）")))
export const Score = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 5 }, rule("must be an integer from 1 to 5", "必须是 1 到 5 之间的整数")))
export const Percent = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 100 }, rule("must be an integer from 0 to 100", "必须是 0 到 100 之间的整数")))

export const expectedVersion = Schema.optionalKey(Version)

export const Reason = Prose(1000)

export const happened = { at: Instant, actor: ActorRef }
