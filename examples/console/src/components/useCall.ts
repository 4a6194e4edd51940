/**
 * Runs API calls for a page and keeps the last failure as a problem to show: a page never
 * goes blank, it shows the API's message in the chosen language.
 */
import { ref } from "vue"
import { ApiProblem } from "../api/client"

export const toProblem = (error: unknown): ApiProblem =>
  error instanceof ApiProblem ? error : new ApiProblem(0, `the console failed: ${(error as Error)?.message ?? String(error)}`, `控制台出错：${(error as Error)?.message ?? String(error)}`, "console")

export const useCall = () => {
  const problem = ref<ApiProblem | null>(null)
  const busy = ref(false)
  const run = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    problem.value = null
    busy.value = true
    try {
      return await f()
    } catch (error) {
      problem.value = toProblem(error)
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { problem, busy, run }
}
