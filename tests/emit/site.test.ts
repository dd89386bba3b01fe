/**
 * The published website, asserted on the real HTML of the example build: every section page, the
 * home page, the single page, links, numbering, security headers and open data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadProject } from '../../scripts/load/project.js';
import { SECTIONS } from '../../scripts/model/sections.js';
import { byTag, elements, hasClass, ids, readPage, text } from '../support/html.js';
import { REPO } from '../support/example-copy.js';

const dist = inject('exampleOut');
const project = loadProject(REPO);
const htmlFiles = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.html'))
  .sort();

describe('section pages', () => {
  it.each(SECTIONS.map((s) => [s.number, s.title, s.id] as const))(
    'section %i, %s, has its own numbered page',
    (number, title, id) => {
      const tree = readPage(dist, `${id}.html`);
      const h1 = byTag(tree, 'h1');
      expect(h1).toHaveLength(1);
      expect(text(h1[0]!)).toBe(`${number} ${title}`);
      expect(h1[0]!.properties['id']).toBe(id);
      // Every ## heading is numbered N.1, N.2 … in order, and ### below them N.x.y.
      const h2 = elements(
        tree,
        (el) =>
          el.tagName === 'h2' &&
          el.properties['id'] !== undefined &&
          !hasClass(el, 'footnotes-heading') &&
          !hasClass(el, 'govuk-heading-s') &&
          !hasClass(el, 'govuk-visually-hidden'),
      );
      const prose = h2.filter(
        (el) => elements({ type: 'root', children: [el] }, (s) => hasClass(s, 'heading-number')).length > 0,
      );
      expect(prose.length).toBeGreaterThan(0);
      prose.forEach((el, i) => expect(text(el)).toMatch(new RegExp(`^${number}\\.${i + 1} \\S`)));
      for (const h3 of byTag(tree, 'h3').filter(
        (el) => elements({ type: 'root', children: [el] }, (s) => hasClass(s, 'heading-number')).length,
      )) {
        expect(text(h3)).toMatch(new RegExp(`^${number}\\.\\d+\\.\\d+ \\S`));
      }
      expect(text(tree)).not.toMatch(/::[a-z-]+\{|\[\]\(#/); // no directive or unresolved cross-reference left as text
    },
  );

  it('link to the previous and next sections, in statutory order', () => {
    const order = ['executive-summary', ...SECTIONS.slice(1).map((s) => s.id), 'appendix-horizon-scan', 'glossary'];
    order.forEach((id, i) => {
      const tree = readPage(dist, `${id}.html`);
      const prev = elements(
        tree,
        (el) => el.tagName === 'a' && el.properties['rel'] !== undefined && String(el.properties['rel']) === 'prev',
      );
      const next = elements(
        tree,
        (el) => el.tagName === 'a' && el.properties['rel'] !== undefined && String(el.properties['rel']) === 'next',
      );
      expect(prev.map((a) => a.properties['href'])).toEqual(i > 0 ? [`${order[i - 1]}.html`] : []);
      expect(next.map((a) => a.properties['href'])).toEqual(i < order.length - 1 ? [`${order[i + 1]}.html`] : []);
    });
  });

  it('show the data blocks rendered from data/', () => {
    const delivery = readPage(dist, 'delivery-plans.html');
    const kpiIds = project.data.kpis!.kpis.map((k) => `kpi-${k.id}`);
    const present = ids(delivery);
    for (const id of kpiIds) expect(present.has(id), id).toBe(true);
    const risks = readPage(dist, 'risk-register.html');
    const riskRows = elements(
      risks,
      (el) => el.tagName === 'span' && String(el.properties['id'] ?? '').startsWith('risk-'),
    );
    expect(riskRows).toHaveLength(project.data.risks!.risks.length);
    const funding = readPage(dist, 'resourcing-and-commissioning.html');
    const total = project.data.funding!.streams.reduce(
      (s, f) => s + Object.values(f.amounts).reduce((a, b) => a + b, 0),
      0,
    );
    expect(text(funding)).toContain(`£${total.toLocaleString('en-GB')}`);
    const eqia = readPage(dist, 'equality-impact-assessment.html');
    for (const c of [
      'Age',
      'Disability',
      'Gender reassignment',
      'Marriage and civil partnership',
      'Pregnancy and maternity',
      'Race',
      'Religion or belief',
      'Sex',
      'Sexual orientation',
    ]) {
      expect(
        elements(eqia, (el) => el.tagName === 'th' && text(el) === c),
        c,
      ).toHaveLength(1);
    }
  });
});

describe('every page', () => {
  it.each(htmlFiles)(
    '%s has a language, a title, a Content-Security-Policy and no script but the site’s own file',
    (file) => {
      const tree = readPage(dist, file);
      const html = byTag(tree, 'html')[0]!;
      expect(html.properties['lang']).toBe('en-GB');
      expect(text(byTag(tree, 'title')[0]!)).toMatch(/Community Safety Strategy 2027–2031/);
      const csp = elements(
        tree,
        (el) => el.tagName === 'meta' && String(el.properties['httpEquiv']) === 'Content-Security-Policy',
      );
      expect(csp).toHaveLength(1);
      expect(String(csp[0]!.properties['content'])).toContain("default-src 'none'");
      // The only script is the site's own module file, with no inline code (the enhancements over pages that work without it).
      const scripts = byTag(tree, 'script');
      expect(scripts.map((s) => [s.properties['src'], s.properties['type'], s.children.length])).toEqual([
        ['assets/site.js', 'module', 0],
      ]);
      expect(byTag(tree, 'iframe')).toHaveLength(0);
    },
  );

  it('links only to pages, anchors and files that exist', () => {
    const broken: string[] = [];
    const idCache = new Map<string, Set<string>>();
    const idsOf = (f: string) => idCache.get(f) ?? idCache.set(f, ids(readPage(dist, f))).get(f)!;
    for (const file of htmlFiles) {
      for (const a of byTag(readPage(dist, file), 'a')) {
        const href = a.properties['href'];
        if (typeof href !== 'string' || /^(https?:|mailto:|tel:)/.test(href)) continue;
        const [target, fragment] = href.split('#') as [string, string | undefined];
        const targetFile = target === '' ? file : target;
        if (!fs.existsSync(path.join(dist, targetFile))) broken.push(`${file}: ${href} (no file)`);
        else if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment))
          broken.push(`${file}: ${href} (no id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('cross-references written as [](#id) get the target’s number and title', () => {
    const tree = readPage(dist, 'executive-summary.html');
    const xrefs = byTag(tree, 'a').filter((a) => /^section \d+(\.\d+)*: /.test(text(a)));
    expect(xrefs.length).toBeGreaterThan(0);
    const toPriorities = xrefs.find((a) => a.properties['href'] === 'strategic-priorities.html');
    // "section 5: Strategic Priorities" (the PDF adds the page: "section 5, Strategic Priorities (page 24)").
    expect(toPriorities && text(toPriorities)).toBe('section 5: Strategic Priorities');
    // Never nested brackets: "(section 10 (Risk Register))" is what this replaced.
    expect(text(tree)).not.toMatch(/\([^()]*\([^()]*\)\)/);
  });
});

describe('home page and single page', () => {
  it('the home page lists every section, the PDF and the open data', () => {
    const tree = readPage(dist, 'index.html');
    const hrefs = byTag(tree, 'a').map((a) => String(a.properties['href']));
    for (const s of SECTIONS) expect(hrefs).toContain(`${s.id}.html`);
    const pdf = fs.readdirSync(dist).find((f) => f.endsWith('.pdf'))!;
    expect(hrefs).toContain(pdf);
    for (const f of ['data/kpis.csv', 'data/risks.csv', 'data/funding.csv', 'data/strategy.json'])
      expect(hrefs).toContain(f);
  });

  it('the single page holds all sections in order', () => {
    const tree = readPage(dist, 'full.html');
    const titles = byTag(tree, 'h1').map(text);
    expect(titles.slice(0, 10)).toEqual(SECTIONS.map((s) => `${s.number} ${s.title}`));
    expect(titles.slice(10)).toEqual(['Appendix A Horizon Scan of National and Local Drivers', 'Appendix B Glossary']);
    // Within the single page every cross-reference stays on the page (a priority card links to its own page, which is not a section).
    const articles = byTag(tree, 'article');
    expect(articles).toHaveLength(12);
    const crossPage = articles.flatMap((art) =>
      elements(
        { type: 'root', children: [art] },
        (a) => a.tagName === 'a' && /^(?!priority-)[a-z-]+\.html/.test(String(a.properties['href'] ?? '')),
      ),
    );
    expect(crossPage).toEqual([]);
  });

  it('open data has one row per KPI and a computed funding total', () => {
    const kpis = fs.readFileSync(path.join(dist, 'data/kpis.csv'), 'utf8').trim().split('\r\n');
    expect(kpis).toHaveLength(project.data.kpis!.kpis.length + 1);
    expect(kpis[0]).toMatch(/^id,title,priority,/);
    const funding = fs.readFileSync(path.join(dist, 'data/funding.csv'), 'utf8').trim().split('\r\n');
    const total = Number(funding.at(-1)!.split(',').at(-1));
    expect(total).toBe(
      project.data.funding!.streams.reduce((s, f) => s + Object.values(f.amounts).reduce((a, b) => a + b, 0), 0),
    );
  });
});
