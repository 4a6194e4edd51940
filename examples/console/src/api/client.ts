/**
 * The typed client of the Mulin API (`openapi-fetch` over the generated `schema.ts`), the
 * signed-in session, and problems: every failure carries the API's message in English and
 * Chinese (`detail`, `detailZh`), or a bilingual message of its own when the network failed.
 */
import createClient, { type Middleware } from "openapi-fetch"
import { reactive } from "vue"
import type { components, paths } from "./schema"

/** A failed call: the API's problem, or the network's failure, in both languages. */
export class ApiProblem extends Error {
  constructor(readonly status: number, readonly detailEn: string, readonly detailZh: string, readonly code: string) {
    super(detailEn)
  }
  /** The message in the chosen language. */
  text(locale: string): string {
    return locale.startsWith("zh") ? this.detailZh : this.detailEn
  }
}

export type WhoAmI = components["schemas"]["WhoAmI"]

/** The signed-in person (none for a resident on the public pages). */
export const session = reactive<{ token: string | null; me: WhoAmI | null }>({
  token: sessionStorage.getItem("mulin.token"),
  me: null
})

const auth: Middleware = {
  onRequest({ request }) {
    if (session.token !== null) request.headers.set("Authorization", `Bearer ${session.token}`)
    return request
  }
}

/** The API client: same origin as the console. */
export const api = createClient<paths>({ baseUrl: window.location.origin })
api.use(auth)

const asProblem = (status: number, body: unknown): ApiProblem => {
  const p = (body ?? {}) as { detail?: string; detailZh?: string; code?: string; title?: string }
  return new ApiProblem(
    status,
    p.detail ?? p.title ?? `the server answered ${status}`,
    p.detailZh ?? p.detail ?? `服务器返回 ${status}`,
    p.code ?? String(status)
  )
}

/**
 * The data of a call, or an {@link ApiProblem}: `await ok(api.GET("/me"))`.
 */
export const ok = async <D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<NonNullable<D>> => {
  let result: { data?: D; error?: unknown; response: Response }
  try {
    result = await call
  } catch (error) {
    throw new ApiProblem(0, `the server cannot be reached (${(error as Error).message})`, "无法连接服务器，请检查网络后重试", "network")
  }
  if (result.error !== undefined || !result.response.ok) throw asProblem(result.response.status, result.error)
  return result.data as NonNullable<D>
}

/** Signs in with a bearer token: asks the API who it is; forgets the token when refused. */
export const signIn = async (token: string): Promise<WhoAmI> => {
  session.token = token
  try {
    const me = await ok(api.GET("/me"))
    session.me = me
    sessionStorage.setItem("mulin.token", token)
    return me
  } catch (error) {
    session.token = null
    session.me = null
    throw error
  }
}

/** Signs out: forgets the token. */
export const signOut = () => {
  session.token = null
  session.me = null
  sessionStorage.removeItem("mulin.token")
}

/** The node the signed-in person's first post is at: the root of everything they see. */
export const homeNode = (): string | null => {
  const grant = session.me?.grants.find((g) => g.scope !== "*")
  return grant === undefined ? null : grant.scope
}

/** The roles of the signed-in person. */
export const roles = (): ReadonlyArray<string> => session.me?.grants.map((g) => g.role) ?? []

type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : never
/** The JSON a successful call of `path` with `method` answers. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? JsonOf<R[keyof R & (200 | 201)]> : never
