/**
 * Runs Mulin's TypeScript sources on Node without a build: `node --import ./scripts/node-ts/register.mjs
 * --conditions=@mulin/source file.ts`. `npm start` and the HTTP benchmark run the example
 * server this way.
 *
 * It does what `tsx` does for the scripts, with one difference that matters on a server:
 * tsx compiles with esbuild's `keepNames`, which wraps every function a module makes at run
 * time in a call to `Object.defineProperty(fn, "name", …)`. Every closure made per request
 * then pays a runtime call and a change of hidden class: on `POST /points/adjustments` that
 * was about 13% of the server's CPU time per request (536–577 µs with it, 464–471 µs
 * without, same machine and load). Here esbuild strips the types only; V8 names functions
 * from their declarations as usual, so profiles and stack traces still name them.
 *
 * The hooks (`hooks.mjs`) run in Node's loader thread; stack traces point to the `.ts` lines
 * through inline source maps.
 */
import { register } from "node:module"

process.setSourceMapsEnabled(true)
register("./hooks.mjs", import.meta.url)
