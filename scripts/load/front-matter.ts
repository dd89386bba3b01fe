/** Splits a chapter into its YAML front matter and its Markdown body, keeping line numbers true. */
export interface FrontMatterSplit {
  /** The YAML between the fences, or undefined when the file has no front matter. */
  yaml?: string;
  /** Number of lines before the YAML starts (the opening fence), for positions. */
  yamlLineOffset: number;
  body: string;
  /** Number of lines before the body starts, so Markdown positions map back to the file. */
  bodyLineOffset: number;
  /** True when the file opens a front matter block with `---` but never closes it. */
  unclosed?: boolean;
}

export function splitFrontMatter(text: string): FrontMatterSplit {
  const m = /^---[ \t]*\n([\s\S]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!m)
    return /^---[ \t]*\n/.test(text)
      ? { yamlLineOffset: 0, body: text, bodyLineOffset: 0, unclosed: true }
      : { yamlLineOffset: 0, body: text, bodyLineOffset: 0 };
  const consumed = m[0];
  const bodyLineOffset = consumed.split('\n').length - (consumed.endsWith('\n') ? 1 : 0);
  return { yaml: m[1] ?? '', yamlLineOffset: 1, body: text.slice(consumed.length), bodyLineOffset };
}
