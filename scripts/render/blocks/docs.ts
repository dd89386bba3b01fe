/**
 * The README's list of data blocks, written from the registry so the two cannot drift:
 * `npm run readme` rewrites the list between its markers, and a test fails when they differ.
 */
import type { AttributeKind, BlockDefinition } from './block.js';

export const README_START = '<!-- data blocks: generated from scripts/render/blocks/ by `npm run readme` -->';
export const README_END = '<!-- end of data blocks -->';

function refersTo(kind: AttributeKind): string {
  if (typeof kind === 'object') return kind.oneOf.map((v) => `\`${v}\``).join(' or ');
  switch (kind) {
    case 'priority':
      return 'a priority id (data/priorities.yaml)';
    case 'kpi':
      return 'a KPI id (data/kpis.yaml)';
    case 'survey':
      return 'a survey id (data/consultation.yaml)';
    case 'question':
      return 'a question id in that survey';
    case 'chart':
      return 'a chart file in data/charts/, named without .yaml';
    case 'surveys':
      return 'survey ids separated by commas (data/consultation.yaml)';
    case 'year':
      return 'a financial year of the strategy, e.g. 2025-26';
    case 'allocation-round':
      return 'an allocation round id (data/funding.yaml)';
    case 'text':
      return 'text';
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** A Markdown table: each block as it is written, its settings, and what it shows. */
export function blockListMarkdown(blocks: Iterable<BlockDefinition>): string {
  const rows = [...blocks].map((b) => {
    const written = `\`::${b.name}${b.attributes.length ? `{${b.attributes.map((a) => `${a.name}=…`).join(' ')}}` : ''}\``;
    const settings =
      b.attributes
        .map((a) => `\`${a.name}\` (${a.required ? 'required' : 'optional'}): ${refersTo(a.kind)}`)
        .join('; ') || '–';
    return `| ${written} | ${cell(settings)} | ${cell(b.description)} |`;
  });
  return ['| Block | Settings | What it shows |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its list of blocks replaced by `list`; undefined when the markers are missing. */
export function withBlockList(readme: string, list: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${list}\n${readme.slice(end)}`;
}
