/**
 * The example server's configuration, from environment variables. Every variable is
 * decoded by a schema, so a bad value stops the server with the variable's name and the
 * rule it broke, in English and Chinese.
 */
import { Schema } from "effect"
import { allowedRanges, fromSchemaError } from "@mulin/core"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

const Port = Schema.NumberFromString.pipe(Schema.decodeTo(Schema.Int.check(
  Schema.isBetween({ minimum: 0, maximum: 65535 }, rule("must be a port from 0 to 65535", "必须是 0 到 65535 之间的端口号"))
)))
const Households = Schema.NumberFromString.pipe(Schema.decodeTo(Schema.Int.check(
  Schema.isBetween({ minimum: 100, maximum: 2_000_000 }, rule("must be a whole number from 100 to 2000000", "必须是 100 到 2000000 之间的整数"))
)))

const Seconds = Schema.NumberFromString.pipe(Schema.decodeTo(Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 86_400 }, rule("must be a whole number of seconds from 1 to 86400", "必须是 1 到 86400 之间的整数秒"))
)))
const OnOff = Schema.Literals(["on", "off"])
const Cidrs = Schema.String.check(Schema.makeFilter((text: string) => {
  try {
    allowedRanges({ allow: text.split(",") })
    return true
  } catch {
    return false
  }
}, rule("must be a comma-separated list of CIDR ranges, e.g. 10.20.0.0/16,127.0.0.1/32", "必须是以逗号分隔的 CIDR 网段，例如 10.20.0.0/16,127.0.0.1/32")))
const PostgresUrl = Schema.String.check(Schema.isPattern(/^postgres(?:ql)?:\/\/\S+$/u, rule("must be a postgres:// connection URL", "必须是 postgres:// 连接地址")))

const HttpsUrl = Schema.String.check(Schema.isPattern(/^https?:\/\/\S+$/u, rule("must be an http(s) URL", "必须是 http(s) 地址")))
const Algorithms = Schema.String.check(Schema.isPattern(/^(?:RS|PS|ES)(?:256|384|512)(?:,(?:RS|PS|ES)(?:256|384|512))*$|^EdDSA$/u, rule(
  "must be a comma-separated list of RS256, PS256, ES256 (or 384/512 variants) or EdDSA",
  "必须是以逗号分隔的 RS256、PS256、ES256（或 384/512）或 EdDSA"
)))

const Env = Schema.Struct({
  PORT: Schema.optionalKey(Port),
  HOST: Schema.optionalKey(Schema.NonEmptyString),
  MULIN_DB: Schema.optionalKey(Schema.NonEmptyString),
  MULIN_DATABASE_URL: Schema.optionalKey(PostgresUrl),
  MULIN_SEED_HOUSEHOLDS: Schema.optionalKey(Households),
  MULIN_TOKENS: Schema.optionalKey(Schema.NonEmptyString),
  MULIN_OIDC_ISSUER: Schema.optionalKey(HttpsUrl),
  MULIN_OIDC_AUDIENCE: Schema.optionalKey(Schema.NonEmptyString),
  MULIN_OIDC_JWKS_URL: Schema.optionalKey(HttpsUrl),
  MULIN_OIDC_ALGORITHMS: Schema.optionalKey(Algorithms),
  MULIN_SUBJECTS: Schema.optionalKey(Schema.NonEmptyString),
  MULIN_DELIVERY: Schema.optionalKey(OnOff),
  MULIN_JOBS: Schema.optionalKey(OnOff),
  MULIN_JOBS_EVERY: Schema.optionalKey(Seconds),
  MULIN_WEBHOOK_ALLOW: Schema.optionalKey(Cidrs)
})

/** What the server runs with. */
export interface Config {
  readonly port: number
  readonly host: string
  /** SQLite file (created with its folder if missing), or `:memory:`. */
  readonly database: string
  /** A PostgreSQL database instead of the SQLite file, when `MULIN_DATABASE_URL` is set: several servers may share it. */
  readonly databaseUrl: string | undefined
  /** Households in the demo county seeded into an empty database. */
  readonly seedHouseholds: number
  /** A JSON file of tokens naming people, replacing the built-in demo tokens, if set. */
  readonly tokensFile: string | undefined
  /** Sign-in with an OpenID Connect provider's JWTs, when its issuer, audience and JWKS are set. */
  readonly oidc: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string; readonly algorithms: ReadonlyArray<string> } | undefined
  /** A JSON file linking the OIDC provider's subjects to people, if set (needs `oidc`). */
  readonly subjectsFile: string | undefined
  /** Whether the server delivers due notifications in-process, about every second (`MULIN_DELIVERY`, default on). */
  readonly delivery: boolean
  /** Whether the server runs the scheduled rules in-process (`MULIN_JOBS`, default on). */
  readonly jobs: boolean
  /** Seconds between two passes of the scheduled rules (`MULIN_JOBS_EVERY`, default 30). */
  readonly jobsEvery: number
  /** Non-public ranges the county's webhooks may post to (`MULIN_WEBHOOK_ALLOW`, none by default). */
  readonly webhookAllow: ReadonlyArray<string>
}

/** Reads the configuration; throws an error naming every bad variable. */
export const loadConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const known = Object.fromEntries(Object.keys(Env.fields).flatMap((k) => (env[k] === undefined || env[k] === "" ? [] : [[k, env[k]]])))
  const decoded = Schema.decodeUnknownResult(Env)(known, { errors: "all" })
  if (decoded._tag === "Failure") {
    const issues = fromSchemaError(decoded.failure).issues
    throw new Error(`invalid configuration / 配置无效:\n${issues.map((i) => `  ${i.path}: ${i.message} / ${i.messageZh}`).join("\n")}`)
  }
  const e = decoded.success
  const oidcVars = [e.MULIN_OIDC_ISSUER, e.MULIN_OIDC_AUDIENCE, e.MULIN_OIDC_JWKS_URL]
  if (oidcVars.some((v) => v !== undefined) && oidcVars.some((v) => v === undefined)) {
    throw new Error("invalid configuration / 配置无效:\n  MULIN_OIDC_ISSUER, MULIN_OIDC_AUDIENCE and MULIN_OIDC_JWKS_URL go together: set all three or none / 三者须同时设置或都不设置")
  }
  if (e.MULIN_SUBJECTS !== undefined && e.MULIN_OIDC_ISSUER === undefined) {
    throw new Error("invalid configuration / 配置无效:\n  MULIN_SUBJECTS links subjects of the OIDC provider: set MULIN_OIDC_ISSUER, MULIN_OIDC_AUDIENCE and MULIN_OIDC_JWKS_URL too / 设置 MULIN_SUBJECTS 时须同时设置 MULIN_OIDC_ISSUER、MULIN_OIDC_AUDIENCE 和 MULIN_OIDC_JWKS_URL")
  }
  return {
    port: e.PORT ?? 8080,
    host: e.HOST ?? "127.0.0.1",
    database: e.MULIN_DB ?? "data/county.db",
    databaseUrl: e.MULIN_DATABASE_URL,
    seedHouseholds: e.MULIN_SEED_HOUSEHOLDS ?? 100_000,
    tokensFile: e.MULIN_TOKENS,
    subjectsFile: e.MULIN_SUBJECTS,
    delivery: e.MULIN_DELIVERY !== "off",
    jobs: e.MULIN_JOBS !== "off",
    jobsEvery: e.MULIN_JOBS_EVERY ?? 30,
    webhookAllow: e.MULIN_WEBHOOK_ALLOW === undefined ? [] : e.MULIN_WEBHOOK_ALLOW.split(",").map((c) => c.trim()),
    oidc: e.MULIN_OIDC_ISSUER === undefined || e.MULIN_OIDC_AUDIENCE === undefined || e.MULIN_OIDC_JWKS_URL === undefined
      ? undefined
      : { issuer: e.MULIN_OIDC_ISSUER, audience: e.MULIN_OIDC_AUDIENCE, jwksUrl: e.MULIN_OIDC_JWKS_URL, algorithms: (e.MULIN_OIDC_ALGORITHMS ?? "RS256,ES256").split(",") }
  }
}
