/**
 * Runs Mulin's TypeScript sources on Node without a build: `node --import ./scripts/node-ts/register.mjs
 * --conditions=@mulin/source file.ts`. `npm start` and the HTTP benchmark run the example
 * server this way.
 *
 * It does what `tsx` does for the scripts, with one difference that matters on a server:
 * tsx compiles with esbuild's `keepNames`, which wraps every function a module makes at run
 * time in a call to `Object.defineProperty(fn, "name", …)`. Every closure made per request
 * then pays a runtime call and a change of hidden class: on `POST /points/adjustments` the
 * server answered about 5% more transfers a second without it (medians of 8 alternating
 * runs, 1,909 against 1,996/s). Here esbuild strips the types only; V8 names functions from
 * their declarations as usual, so profiles and stack traces still name them.
 *
 * The hooks (`hooks.mjs`) run in Node's loader thread; stack traces point to the `.ts` lines
 * through inline source maps.
 */
import { register } from "node:module"

process.setSourceMapsEnabled(true)
register("./hooks.mjs", import.meta.url)
