/**
 * The HTML of a diagram, the same SVG on the site and in the PDF:
 *
 *   site:  <figure class="diagram" id="diagram-…">
 *            <figcaption>title</figcaption>
 *            <div class="diagram__image" role="region" aria-label="…" tabindex="0">SVG</div>  (scrolls on a phone)
 *            <details><summary>Show this diagram as text</summary> nested lists </details>
 *          </figure>
 *   print: <div class="diagram [print-landscape]" role="group"> caption, SVG (named by its alt text) </div>
 *          … one such group per part, when the drawing is printed in parts …
 *          <div class="diagram-text"> the same nested lists, printed </div>
 *
 * In print a diagram is drawn at full size (the kinds lay it out for the page, see pages.ts): one that
 * fits a portrait page prints there, one that needs a landscape page gets the `print-landscape` class,
 * which starts one. In print the text equivalent stays outside the group: Chromium tags the image as
 * one Figure whose alt text replaces its content, and the lists must stay readable as lists.
 */
import { escapeHtml } from '../../util/escape.js';
import type { DiagramLink, EquivalentItem } from './registry.js';
import { printPage } from './pages.js';
import { diagramSvg } from './svg.js';
import { captionOf, type PlacedDiagram } from './types.js';

export type DiagramMode = 'site' | 'print';

/** On screen, a diagram wider than this gets the wide figure's room (and scrolls on a phone). */
export const PORTRAIT_WIDTH = 803;
/** On screen a diagram is never drawn smaller than this (12 px text stays at least 9 px), it scrolls instead. */
export const MIN_SCALE = 0.75;

export function equivalentHtml(
  items: readonly EquivalentItem[],
  href: (link: DiagramLink) => string | undefined,
): string {
  const item = (i: EquivalentItem): string => {
    const label = i.label ? `<strong>${escapeHtml(i.label)}</strong>${i.text ? ': ' : ''}` : '';
    const target = i.href ? href(i.href) : undefined;
    const text = target ? `<a href="${escapeHtml(target)}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text);
    const note = i.note ? ` <span class="diagram-text__note">(${escapeHtml(i.note)})</span>` : '';
    const links = i.links?.length
      ? ` <span class="diagram-text__links">${i.linksLabel ? `${escapeHtml(i.linksLabel)}: ` : ''}${i.links
          .map((l) => {
            const t = href(l.href);
            return t ? `<a href="${escapeHtml(t)}">${escapeHtml(l.text)}</a>` : escapeHtml(l.text);
          })
          .join('; ')}</span>`
      : '';
    const children = i.children?.length ? list(i.children) : '';
    return `<li>${label}${text}${note}${links}${children}</li>`;
  };
  const list = (items: readonly EquivalentItem[]): string =>
    `<ul class="diagram-text__list">${items.map(item).join('')}</ul>`;
  return list(items);
}

export function altText(placed: PlacedDiagram): string {
  const { description } = placed.spec;
  const title = captionOf(placed.spec);
  return `${title}${/[.?!:]$/.test(title) ? '' : '.'} ${description}`;
}

export function diagramFigureHtml(
  placed: PlacedDiagram,
  equivalent: readonly EquivalentItem[],
  mode: DiagramMode,
  href: (link: DiagramLink) => string | undefined,
  continued: readonly PlacedDiagram[] = [],
): string {
  const { spec } = placed;
  const id = escapeHtml(spec.id);
  const title = escapeHtml(spec.title);
  const wide = placed.width > PORTRAIT_WIDTH;
  const text = equivalentHtml(equivalent, href);
  if (mode === 'site') {
    // On the site a KPI or action in the picture is a real link to its row (the SVG is then a named
    // group, not an image); the text equivalent carries the same links. In print the picture is one
    // tagged Figure, so its links are in the text that follows it.
    const svg = diagramSvg(placed, { href: (l) => href(l as DiagramLink) });
    // A wide diagram scrolls sideways inside its own named, focusable region on a phone.
    const image = `<div class="diagram__image${wide ? ' diagram__image--wide' : ''}" role="region" aria-label="${title} (diagram)" tabindex="0" style="--diagram-min:${Math.round(placed.width * MIN_SCALE)}px">${svg}</div>`;
    const details = `<details class="govuk-details diagram__text"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Show this diagram as text</span></summary><div class="govuk-details__text diagram-text">${text}</div></details>`;
    return `<figure class="diagram${wide ? ' diagram--wide' : ''}" id="${id}"><figcaption class="diagram__caption"><span class="diagram__title">${title}</span></figcaption>${image}${details}</figure>`;
  }
  const figures = [placed, ...continued]
    .map((part) => {
      const svg = diagramSvg(part, { ariaLabel: altText(part) });
      const caption = escapeHtml(captionOf(part.spec));
      const landscape = printPage(part.width, part.height) !== 'portrait';
      return `<div class="diagram${landscape ? ' print-landscape' : ''}" id="${escapeHtml(part.spec.id)}" role="group" aria-label="${caption}"><div class="diagram__caption"><span class="diagram__title">${caption}</span></div><div class="diagram__image">${svg}</div></div>`;
    })
    .join('');
  return `${figures}<div class="diagram-text diagram-text--print"><p class="diagram-text__title">${title}, in words</p>${text}</div>`;
}
