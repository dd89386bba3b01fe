/**
 * The statutory structure: the ten sections, each exactly once, in order, then any appendices
 * (A, B, …). A missing, duplicated or out-of-order section is an error naming the file and the
 * section expected.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diag } from '../diagnostics/messages.js';
import type { Chapter } from '../load/project.js';
import { SECTIONS } from '../model/sections.js';

/** A chapter in its place in the document: its section number or appendix letter, id and title. */
export interface ChapterInfo {
  chapter: Chapter;
  /** "5" or "A". */
  label: string;
  /** Section number for ordering (1–10), or 100+ for appendices. */
  order: number;
  id: string;
  title: string;
  isAppendix: boolean;
}

/** Page names the site uses itself: a chapter with one of these ids would overwrite that page. */
export const RESERVED_IDS = ['index', 'full', 'accessibility', 'print'] as const;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function checkChapters(
  chapters: Chapter[],
  failed: readonly string[] = [],
): { ordered: ChapterInfo[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Chapter>();
  const infos: ChapterInfo[] = [];
  for (const chapter of chapters) {
    const s = chapter.front.section;
    const key = String(s);
    const at = chapter.frontSource.locate(['section']);
    const other = seen.get(key);
    if (other) {
      diagnostics.push(diag('chapter/duplicate-section', chapter.file, at, [key, other.file]));
      continue;
    }
    seen.set(key, chapter);
    if (typeof s === 'number') {
      const spec = SECTIONS[s - 1]!;
      if (norm(chapter.front.title) !== norm(spec.title)) {
        diagnostics.push(
          diag('chapter/wrong-title', chapter.file, chapter.frontSource.locate(['title']), [
            String(s),
            chapter.front.title,
            spec.title,
          ]),
        );
      }
      infos.push({
        chapter,
        label: String(s),
        order: s,
        id: chapter.front.id ?? spec.id,
        title: spec.title,
        isAppendix: false,
      });
    } else {
      infos.push({
        chapter,
        label: s,
        order: 100 + s.charCodeAt(0) - 65,
        id: chapter.front.id ?? `appendix-${s.toLowerCase()}`,
        title: chapter.front.title,
        isAppendix: true,
      });
    }
  }
  for (const spec of SECTIONS) {
    // A chapter whose front matter could not be read has its own error; don't add a second.
    const unreadable = failed.some((f) =>
      f
        .split('/')
        .pop()!
        .startsWith(`${String(spec.number).padStart(2, '0')}-`),
    );
    if (!seen.has(String(spec.number)) && !unreadable)
      diagnostics.push(
        diag('chapter/missing-section', 'content', undefined, [String(spec.number), spec.title, spec.file]),
      );
  }
  for (const info of infos) {
    if ((RESERVED_IDS as readonly string[]).includes(info.id)) {
      diagnostics.push(
        diag('chapter/reserved-id', info.chapter.file, info.chapter.frontSource.locate(['id']), [
          info.id,
          RESERVED_IDS.join(', '),
        ]),
      );
    }
  }
  // Files are read in name order; the sections they hold must follow the statutory order.
  let highest = -1;
  for (const info of infos) {
    if (info.order < highest) {
      const expected = info.isAppendix
        ? `content/${String(11 + info.order - 100).padStart(2, '0')}-appendix-${info.label.toLowerCase()}.md`
        : SECTIONS[info.order - 1]!.file;
      diagnostics.push(
        diag('chapter/out-of-order', info.chapter.file, info.chapter.frontSource.locate(['section']), [
          info.label,
          expected,
        ]),
      );
    }
    highest = Math.max(highest, info.order);
  }
  return { ordered: [...infos].sort((a, b) => a.order - b.order), diagnostics };
}
