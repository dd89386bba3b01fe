/**
 * Images in chapters: they must be files inside the strategy folder (never fetched from the web, never
 * outside the folder) and must have alternative text. Returns the files to copy into the site.
 */
import type { Image, Root } from 'mdast';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { diag } from '../../diagnostics/messages.js';
import type { Chapter, Project } from '../../load/project.js';
import { resolveInside } from '../../load/paths.js';

export function checkImages(tree: Root, project: Project, chapter: Chapter, diagnostics: Diagnostic[]): string[] {
  const files: string[] = [];
  visit(tree, 'image', (img: Image) => {
    const at = { line: (img.position?.start.line ?? 1) + chapter.bodyLineOffset, column: img.position?.start.column ?? 1 };
    const src = img.url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
      diagnostics.push(diag('image/remote', chapter.file, at, [src]));
      return;
    }
    if (img.alt === null || img.alt === undefined) diagnostics.push(diag('image/no-alt', chapter.file, at, [src]));
    const resolved = resolveInside(project.root, path.posix.dirname(chapter.file), decodeURI(src.split(/[?#]/)[0] ?? ''));
    if (!resolved.ok) {
      diagnostics.push(diag(resolved.reason === 'not-found' ? 'image/missing' : resolved.reason === 'outside-root' ? 'file/outside-root' : 'file/symlink-outside-root', chapter.file, at, [src]));
      return;
    }
    files.push(resolved.relative);
    // The site serves images from the same relative location as the chapter's page: rewrite to root-relative.
    img.url = resolved.relative;
  });
  return files;
}
