// The one glob detector: picomatch's own scan, so "is this a glob" and "how is it matched" agree.
import picomatch from 'picomatch'

export interface GlobParts {
  /** The literal folder before the first glob segment ('' when the pattern starts with one). */
  base: string
  /** The pattern below `base`; the whole pattern when it is not a glob. */
  glob: string
  isGlob: boolean
}

/** Splits a pattern at its first glob segment. Only the pattern is scanned, never a path it is joined to. */
export function globParts(pattern: string): GlobParts {
  const { base, glob, isGlob } = picomatch.scan(pattern)
  return isGlob ? { base, glob, isGlob } : { base: '', glob: pattern, isGlob: false }
}
