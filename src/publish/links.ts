// The local files a model card links (images, notes), checked to exist and to stay inside the
// template's folder; they are uploaded at the path the link gives. Bad links are problems.
import { lstat, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { findCardLinks } from '../card/grammar.js'
import { isInside, toPosix } from '../util/paths.js'
import type { NoteExcluded } from './find-files.js'
import { secretReason } from './select-files.js'

export interface LinkedFile {
  pathInRepo: string
  abs: string
  size: number
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/

/** Local files the card links, checked to exist and to stay inside the template's folder. */
export async function linkedFiles(options: {
  card: string
  templatePath: string
  templateLabel: string
  problems: string[]
  excluded: NoteExcluded
}): Promise<LinkedFile[]> {
  const templateDir = path.dirname(options.templatePath)
  const realTemplateDir = await realpath(templateDir)
  const found = new Map<string, LinkedFile>()
  for (const link of findCardLinks(options.card)) {
    const where = `${options.templateLabel}:${link.line}`
    const target = link.target.trim()
    if (target.startsWith('#') || target.startsWith('//') || URL_SCHEME.test(target)) continue
    const withoutQuery = target.replace(/[?#].*$/s, '')
    if (withoutQuery === '') continue
    let decoded: string
    try {
      decoded = decodeURIComponent(withoutQuery)
    } catch {
      options.problems.push(`${where}: the link "${target}" has a broken %-escape. Fix the link's escaping.`)
      continue
    }
    if (decoded.startsWith('/') || path.isAbsolute(decoded)) {
      options.problems.push(
        `${where}: the link "${target}" is an absolute path; a model card may only link files inside its own folder (${templateDir}). ` +
          `Copy the file next to the card and link it relatively, or link an https:// URL.`
      )
      continue
    }
    const abs = path.resolve(templateDir, decoded)
    if (!isInside(templateDir, abs)) {
      options.problems.push(
        `${where}: the link "${target}" leaves the card's folder (${templateDir}); files from elsewhere on the runner are never published. ` +
          `Move the file under ${templateDir} and link it relatively.`
      )
      continue
    }
    const info = await lstat(abs).catch(() => undefined)
    if (!info) {
      options.problems.push(
        `${where}: the card links "${target}", but ${abs} does not exist. Add the file, or fix or remove the link.`
      )
      continue
    }
    const real = await realpath(abs).catch(() => undefined)
    if (!real || !isInside(realTemplateDir, real)) {
      options.problems.push(
        `${where}: the link "${target}" is a symlink ${real ? `to ${real}, outside the card's folder` : 'that is broken'}. ` +
          `Replace the symlink with the file itself.`
      )
      continue
    }
    const realInfo = await stat(real)
    const pathInRepo = toPosix(path.relative(templateDir, abs))
    if (realInfo.isDirectory()) {
      options.excluded(
        abs + path.sep,
        `a folder linked at ${where}; folders are not uploaded through links (link files, or add them with assets)`
      )
      continue
    }
    if (abs === path.normalize(options.templatePath) || pathInRepo === 'README.md') continue // the card itself
    const secret = secretReason(pathInRepo)
    if (secret) {
      options.problems.push(
        `${where}: the card links "${target}", which is never uploaded (${secret}). Remove the link.`
      )
      continue
    }
    found.set(pathInRepo, { pathInRepo, abs, size: realInfo.size })
  }
  return [...found.values()]
}
