/**
 * Safe HTML building for the renderers: every interpolated value is escaped unless it is explicitly
 * `raw()` HTML that our own code produced. Data from YAML is untrusted text and is never marked raw.
 */
import { escapeHtml } from '../util/escape.js';

export class RawHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (value: string): RawHtml => new RawHtml(value);

export const esc = escapeHtml;

type Value = string | number | RawHtml | null | undefined | false | readonly Value[];

function emit(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof RawHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly Value[]).map(emit).join('');
  return esc(v);
}

/** Tagged template: `html\`<td>${text}</td>\`` escapes `text`; arrays are joined; RawHtml passes through. */
export function html(strings: TemplateStringsArray, ...values: Value[]): RawHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += emit(v) + (strings[i + 1] ?? '');
  });
  return new RawHtml(out);
}

/** A GOV.UK tag, e.g. for RAG and status, with text so colour is never the only signal. */
export function tag(
  text: string,
  colour: 'green' | 'yellow' | 'orange' | 'red' | 'grey' | 'blue' | 'purple' | 'turquoise' | 'pink',
): RawHtml {
  return html`<strong class="govuk-tag govuk-tag--${colour}">${text}</strong>`;
}

/** A table with a caption and header row; cells are already-built HTML or text. */
export function table(opts: {
  caption: string;
  head: (string | RawHtml)[];
  rows: (string | number | RawHtml)[][];
  foot?: (string | number | RawHtml)[][];
  className?: string;
  numeric?: number[];
  captionClass?: string;
}): RawHtml {
  const num = new Set(opts.numeric ?? []);
  const cell = (tagName: 'td' | 'th', v: string | number | RawHtml, i: number, scope?: string) =>
    html`<${raw(tagName)} class="govuk-table__${raw(tagName === 'th' ? 'header' : 'cell')}${raw(num.has(i) ? ` govuk-table__${tagName === 'th' ? 'header' : 'cell'}--numeric` : '')}"${raw(scope ? ` scope="${scope}"` : '')}>${v instanceof RawHtml ? v : String(v)}</${raw(tagName)}>`;
  // The wrapper scrolls sideways on phones, so it is focusable and named after the table, as GOV.UK does
  // (WCAG 2.1.1: a keyboard user can scroll it; axe: scrollable-region-focusable).
  return html`<div class="table-wrap" role="region" aria-label="${opts.caption}" tabindex="0"><table class="govuk-table${raw(opts.className ? ` ${opts.className}` : '')}">
<caption class="govuk-table__caption ${raw(opts.captionClass ?? 'govuk-table__caption--s')}">${opts.caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${opts.head.map((h, i) => cell('th', h, i, 'col'))}</tr></thead>
<tbody class="govuk-table__body">${opts.rows.map((r) => html`<tr class="govuk-table__row">${r.map((c, i) => (i === 0 ? cell('th', c, i, 'row') : cell('td', c, i)))}</tr>`)}</tbody>${
    opts.foot?.length
      ? html`<tfoot>${opts.foot.map((r) => html`<tr class="govuk-table__row table-total">${r.map((c, i) => (i === 0 ? cell('th', c, i, 'row') : cell('td', c, i)))}</tr>`)}</tfoot>`
      : ''
  }
</table></div>`;
}
