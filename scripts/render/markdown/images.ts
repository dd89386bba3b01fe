/**
 * Images in chapters, written in Markdown or as raw HTML: each must be a PNG, JPEG, GIF or WebP file
 * inside the strategy folder (by extension and by its first bytes), never fetched from the web, and
 * should have alternative text. SVG and other files are refused: they can carry script and would be
 * published on the council's own domain. Returns the files to copy into the site.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import type { Chapter, Project } from '../../load/project.js';
import { resolveInside } from '../../load/paths.js';
import { refusalRule } from '../../load/project.js';
import { safeDecode } from '../../util/url.js';

const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  '.png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  '.jpg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  '.gif': (b) => b.subarray(0, 4).toString('latin1') === 'GIF8',
  '.webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

function isImageFile(absolute: string): boolean {
  const check = SIGNATURES[path.extname(absolute).toLowerCase()];
  if (!check) return false;
  const fd = fs.openSync(absolute, 'r');
  try {
    const head = Buffer.alloc(12);
    fs.readSync(fd, head, 0, 12, 0);
    return check(head);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Check every `<img>` of a chapter's tree (before sanitising) and point its `src` at the copy the site
 * publishes (root-relative, as pages sit at the site's root); an image that fails loses its `src`.
 */
export function checkImages(tree: Root, project: Project, chapter: Chapter, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  visit(tree, 'element', (img: Element) => {
    if (img.tagName !== 'img') return;
    const start = img.position?.start;
    const at = { line: (start?.line ?? 1) + chapter.bodyLineOffset, column: start?.column ?? 1 };
    const src = typeof img.properties['src'] === 'string' ? img.properties['src'] : '';
    const refuse = (d: Diagnostic) => {
      diagnostics.push(d);
      delete img.properties['src'];
    };
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//'))
      return refuse(diag('image/remote', chapter.file, at, [src]));
    const decoded = safeDecode(src.split(/[?#]/)[0] ?? '', decodeURI);
    if (!decoded) return refuse(diag('image/missing', chapter.file, at, [src]));
    const alt = img.properties['alt'];
    if (typeof alt !== 'string' || alt.trim() === '') diagnostics.push(diag('image/no-alt', chapter.file, at, [src]));
    const resolved = resolveInside(project.root, path.posix.dirname(chapter.file), decoded);
    if (!resolved.ok) {
      return refuse(
        diag(resolved.reason === 'not-found' ? 'image/missing' : refusalRule(resolved.reason), chapter.file, at, [src]),
      );
    }
    if (!fs.statSync(resolved.absolute).isFile() || !isImageFile(resolved.absolute))
      return refuse(diag('image/type', chapter.file, at, [src]));
    files.push(resolved.relative);
    img.properties['src'] = resolved.relative;
    return undefined;
  });
  return files;
}
