/**
 * Builds the console into `dist/`: Element Plus components and their styles imported on
 * demand (no full import), one chunk per page, ECharts in the dashboard's chunk only.
 */
import vue from "@vitejs/plugin-vue"
import { ElementPlusResolver } from "unplugin-vue-components/resolvers"
import Components from "unplugin-vue-components/vite"
import { defineConfig } from "vite"

export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [
    vue(),
    Components({ resolvers: [ElementPlusResolver({ importStyle: "css" })], dts: false })
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false
  },
  server: { proxy: { "^/(?!c/|r/|signin|src/|@|node_modules/).+": "http://127.0.0.1:8080" } }
})
