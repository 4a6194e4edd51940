/**
 * The console beside the API on one `node:http` server: `ensureBuilt` runs `vite build` when
 * the build is missing or older than a source file, `mountConsole` answers the built files
 * (content types, gzip, long caching for hashed assets, `no-cache` for the page) and the
 * console's own routes (`/`, `/signin`, `/c/…`, `/r/…`: the page, so a reload works), and hands
 * every other request to the API untouched. The files are read once, into memory: a request
 * to the API costs one map lookup and two prefix tests.
 */
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs"
import type { IncomingMessage, Server, ServerResponse } from "node:http"
import { createRequire } from "node:module"
import { dirname, extname, join, relative, sep } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

/** The console's folder. */
export const consoleRoot = fileURLToPath(new URL(".", import.meta.url))
/** Where `vite build` writes the console. */
export const consoleDist = join(consoleRoot, "dist")

const SOURCES = ["src", "index.html", "vite.config.ts", "package.json"]

const newest = (path: string): number => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs)
}

/** Whether the build is missing or older than one of its sources. */
export const isStale = (root = consoleRoot): boolean => {
  const built = join(root, "dist", "index.html")
  if (!existsSync(built)) return true
  const at = statSync(built).mtimeMs
  return SOURCES.some((s) => existsSync(join(root, s)) && newest(join(root, s)) > at)
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/**
 * Builds the console when its build is missing or stale; says what it did. One build at a
 * time on a machine: a second process (a parallel test file, a second server) waits for the
 * first under a lock folder, then finds the build fresh.
 */
export const ensureBuilt = (log: (line: string) => void = console.log): "fresh" | "built" => {
  if (!isStale()) return "fresh"
  const lock = join(consoleRoot, ".build-lock")
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      // A lock older than five minutes was left by a build that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true })
      sleep(200)
    }
  }
  try {
    if (!isStale()) return "fresh"
    log("Building the console (examples/console, vite build)…")
    const vite = join(dirname(createRequire(join(consoleRoot, "package.json")).resolve("vite/package.json")), "bin", "vite.js")
    // Always the production build: under a test runner NODE_ENV is `test`, and Vue's development
    // build would be bundled instead (about 23 KiB more gzip on every page).
    const result = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn", "--mode", "production"], { cwd: consoleRoot, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } })
    if (result.status !== 0) throw new Error("the console's build failed / 控制台构建失败 (npm run build -w @mulin/console)")
    return "built"
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8"
}

interface File {
  readonly body: Buffer
  readonly gzip: Buffer | null
  readonly type: string
  readonly cache: string
}

const listFiles = (dir: string): Array<string> =>
  readdirSync(dir).filter((name) => !name.startsWith(".")).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })

/** Reads the built console into memory, by URL path. */
export const loadFiles = (dist = consoleDist): Map<string, File> => {
  const files = new Map<string, File>()
  for (const path of listFiles(dist)) {
    const url = `/${relative(dist, path).split(sep).join("/")}`
    const body = readFileSync(path)
    const type = TYPES[extname(path)] ?? "application/octet-stream"
    const compressible = type.startsWith("text/") || type === "application/json" || type === "image/svg+xml"
    files.set(url, {
      body,
      gzip: compressible && body.length > 1024 ? gzipSync(body, { level: 9 }) : null,
      type,
      cache: url.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"
    })
  }
  return files
}

const isPage = (path: string) => path === "/" || path === "/signin" || path.startsWith("/c/") || path === "/c" || path.startsWith("/r/")

/**
 * Answers the console's files and routes on `server` before the API's own listener; does
 * nothing when the console is not built. Returns whether it is mounted.
 */
export const mountConsole = (server: Server, dist = consoleDist): boolean => {
  if (!existsSync(join(dist, "index.html"))) return false
  const files = loadFiles(dist)
  const page = files.get("/index.html")!
  const api = server.listeners("request") as Array<(req: IncomingMessage, res: ServerResponse) => void>
  server.removeAllListeners("request")
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" || req.method === "HEAD") {
      const url = req.url ?? "/"
      const q = url.indexOf("?")
      const path = q === -1 ? url : url.slice(0, q)
      const file = files.get(path) ?? (isPage(path) ? page : undefined)
      if (file !== undefined) return send(req, res, file)
    }
    for (const listener of api) listener.call(server, req, res)
  })
  return true
}

const send = (req: IncomingMessage, res: ServerResponse, file: File) => {
  const gzip = file.gzip !== null && /\bgzip\b/u.test(String(req.headers["accept-encoding"] ?? ""))
  const body = gzip ? file.gzip! : file.body
  res.writeHead(200, {
    "content-type": file.type,
    "content-length": body.length,
    "cache-control": file.cache,
    "x-content-type-options": "nosniff",
    vary: "accept-encoding",
    ...(gzip ? { "content-encoding": "gzip" } : {})
  })
  res.end(req.method === "HEAD" ? undefined : body)
}
