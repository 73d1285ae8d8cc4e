// The error a model-card call throws, for tests that look at its problems.
import { ModelCardError } from '../../src/card/fill.js'

/** The ModelCardError a call throws (fails the test when it doesn't throw one). */
export function cardError(fn: () => unknown): ModelCardError {
  try {
    fn()
  } catch (e) {
    if (e instanceof ModelCardError) return e
    throw e
  }
  throw new Error('expected a ModelCardError')
}
