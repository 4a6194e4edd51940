/**
 * The small schemas the mediation model's modules share: a party's index, a list of people,
 * a reason, the expected version and the fields every event carries. Not part of the
 * public face of the context.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { PersonId } from "../kernel/ids.js"
import { Prose } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { isUniqueBy } from "../kernel/vocabulary.js"

export const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/** At most `max` people of the county, each once. */
export const PersonIds = (max: number) =>
  Schema.Array(PersonId).check(
    Schema.isMaxLength(max),
    isUniqueBy((p: PersonId) => p, { en: "names the same person twice", zh: "同一人员重复出现" })
  )

export const PartyIndex = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, rule("must be the index of a party (0 or more)", "必须是当事人序号（0 或以上）")))

export const Reason = Prose(1000)

export const ExpectedVersion = Schema.optionalKey(Schema.Int)

export const EventBase = { at: Instant, actor: ActorRef }
