/**
 * `strategy diff`: a temporary git repository holds the example in one commit and an edited copy in a
 * second; the report must name every change, with the value before and after, and a reformatting that
 * says the same thing must report nothing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { Change, ChangeGroup } from '../../scripts/diff/compare.js';
import { diffStrategy, formatDiffJson, formatDiffMarkdown } from '../../scripts/diff/index.js';
import { isContained } from '../../scripts/diff/git.js';
import { main } from '../../scripts/cli/main.js';
import { cleanCopies, copyExample, edit } from '../support/example-copy.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 't@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 't@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: '/nonexistent',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' }).trim();

function repoWithExample(): string {
  const root = copyExample();
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'The example');
  return root;
}

const find = (groups: ChangeGroup[], group: string, subject: RegExp, text: RegExp): Change | undefined =>
  groups.find((g) => g.id === group)?.changes.find((c) => subject.test(c.subject) && text.test(c.text));

afterAll(cleanCopies);

describe('strategy diff: every kind of change, old and new', () => {
  let root: string;
  let groups: ChangeGroup[];
  let markdown: string;

  beforeAll(async () => {
    root = repoWithExample();
    git(root, 'checkout', '-q', '-b', 'refresh');
    edit(
      root,
      'content/05-strategic-priorities.md',
      'candidate priorities drawn from',
      'candidate priorities, nine in all, drawn from',
    );
    edit(root, 'data/partnership.yaml', 'version: "1.1"', 'version: "1.2"');
    edit(root, 'data/partnership.yaml', 'status: adopted', 'status: consultation');
    edit(
      root,
      'data/priorities.yaml',
      'title: Preventing serious violence and knife crime',
      'title: Preventing serious violence, knife crime and exploitation',
    );
    edit(root, 'data/kpis.yaml', 'targets: { 2027-28: 1200, 2028-29: 1260', 'targets: { 2027-28: 1150, 2028-29: 1260');
    edit(
      root,
      'data/kpis.yaml',
      'baseline: { value: 118, period: 2026-27 }',
      'baseline: { value: 120, period: 2026-27 }',
    );
    edit(root, 'data/kpis.yaml', /(id: sv-02[\s\S]*?)direction: lower-is-better/, '$1direction: higher-is-better');
    edit(
      root,
      'data/kpis.yaml',
      /(id: sv-01[\s\S]*?)owner: Partnership Analyst, Community Safety Service/,
      '$1owner: Head of Community Safety',
    );
    edit(
      root,
      'data/kpis.yaml',
      '      - { period: 2027-28 Q4, value: 1251 }',
      '      - { period: 2027-28 Q4, value: 1000 }',
    );
    fs.appendFileSync(path.join(root, 'data/kpi-actuals.csv'), 'sv-01,2028-29 Q1,571,\n');
    edit(root, 'data/risks.yaml', /(id: r02[\s\S]*?)likelihood: A/, '$1likelihood: B');
    edit(
      root,
      'data/risks.yaml',
      /\n {2}- id: r01\n/,
      '\n  - id: r00\n    risk: The new youth hub opens late\n    cause: Planning delays.\n    consequence: Diversion work has nowhere to meet.\n    category: operational\n    likelihood: C\n    impact: III\n    owner: Head of Youth Services\n    mitigation: Interim venues agreed with schools.\n    residual: { likelihood: D, impact: III }\n    review: 2028-09-30\n  - id: r01\n',
    );
    edit(root, 'data/funding.yaml', 'amounts: { 2027-28: 168420, 2028-29', 'amounts: { 2027-28: 48420, 2028-29');
    edit(
      root,
      'data/funding.yaml',
      'amounts: { 2027-28: 96315, 2028-29: 96315, 2029-30: 90000',
      'amounts: { 2027-28: 216315, 2028-29: 96315, 2029-30: 60000',
    );
    edit(
      root,
      'data/actions.yaml',
      /(id: sv-a2[\s\S]*?)due: 2027-28 Q4\n {4}status: complete/,
      '$1due: 2028-29 Q2\n    status: at-risk',
    );
    edit(root, 'data/eqia.yaml', /(characteristic: disability\n {4}impact:) positive/, '$1 neutral');
    edit(root, 'data/governance.yaml', /(id: board[\s\S]*?meets:) quarterly/, '$1 bi-monthly');
    edit(root, 'data/logic-models.yaml', /(\n {4}context: >-\n\s+)/, '$1Revised after the 2028 needs assessment. ');
    fs.appendFileSync(
      path.join(root, 'data/kpis.yaml'),
      '\n  - id: sv-09\n    title: Young people in the navigator service\n    priority: serious-violence\n    definition: Young people who took up the service.\n    source: Provider returns\n    unit: count\n    direction: higher-is-better\n    frequency: quarterly\n    baseline: { value: 80, period: 2026-27 }\n    targets: { 2027-28: 90 }\n    owner: Youth Services Manager\n',
    );
    fs.appendFileSync(
      path.join(root, 'data/actions.yaml'),
      '\n  - id: sv-a9\n    action: Open the youth hub.\n    priority: serious-violence\n    lead: { organisation: London Borough of Northbridge, role: Head of Youth Services }\n    due: 2028-29 Q3\n    status: not-started\n',
    );
    edit(root, 'data/risks.yaml', /\n {2}- id: r01\n[\s\S]*?\n {2}- id: r02\n/, '\n  - id: r02\n');
    edit(
      root,
      'data/charts/asb-by-lsoa.yaml',
      /\ntitle: .*\n/,
      '\ntitle: Anti-social behaviour in the ten busiest neighbourhoods\n',
    );
    git(root, 'commit', '-q', '-am', 'Annual refresh');
    const result = await diffStrategy({ root, ref: 'main' });
    groups = result.groups;
    markdown = formatDiffMarkdown(result);
  });

  it('lists section text changes with a word-level excerpt', () => {
    const c = find(groups, 'sections', /^Section 5, Strategic Priorities$/, /text changed/);
    expect(c?.old).toContain('candidate priorities drawn from');
    expect(c?.new).toContain('candidate priorities, nine in all, drawn from');
  });

  it('lists the edition status and version', () => {
    expect(find(groups, 'strategy', /strategy/, /^status changed from adopted to consultation draft$/)).toBeDefined();
    expect(find(groups, 'strategy', /strategy/, /version changed from 1\.1 to 1\.2/)).toBeDefined();
  });

  it('lists priorities, KPI targets, baselines, directions and owners, old -> new', () => {
    expect(
      find(
        groups,
        'priorities',
        /^Priority: Preventing serious violence, knife crime and exploitation$/,
        /title changed from Preventing serious violence and knife crime to Preventing serious violence, knife crime and exploitation/,
      ),
    ).toBeDefined();
    expect(
      find(groups, 'kpis', /^KPI: Referrals to the Independent/, /^target for 2027-28 changed from 1,200 to 1,150$/),
    ).toMatchObject({
      old: '1,200',
      new: '1,150',
    });
    expect(
      find(
        groups,
        'kpis',
        /^KPI: Victims of knife crime/,
        /^baseline changed from 118 \(2026-27\) to 120 \(2026-27\)$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'kpis',
        /^KPI: Victims of knife crime/,
        /^direction changed from lower is better to higher is better$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'kpis',
        /^KPI: Knife crime offences$/,
        /^owner changed from Partnership Analyst, Community Safety Service to Head of Community Safety$/,
      ),
    ).toBeDefined();
  });

  it('lists results added and corrected, from YAML and from the CSV alike, and the statuses they change', () => {
    expect(
      find(
        groups,
        'actuals',
        /^KPI: Knife crime offences$/,
        /^result added for Q1 2028-29 \(April to June 2028\): 571$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'actuals',
        /^KPI: Referrals to the Independent/,
        /result for Q4 2027-28 .* changed from 1,251 to 1,000/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'status',
        /^KPI: Referrals to the Independent/,
        /^On target → Off target: latest result 1,000 in Q4 2027-28 \(January to March 2028\), against a target of 1,150$/,
      ),
    ).toBeDefined();
  });

  it('lists KPIs and actions added, and risks closed', () => {
    expect(
      find(
        groups,
        'kpis',
        /^KPI: Young people in the navigator service$/,
        /^added to priority Preventing serious violence, knife crime and exploitation: baseline 80 \(2026-27\), targets 2027-28 90, higher is better, owner Youth Services Manager$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'actions',
        /^Action sv-a9, Open the youth hub\.$/,
        /^added: led by Head of Youth Services, London Borough of Northbridge, due Q3 2028-29 \(October to December 2028\), not started$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'risks',
        /^Risk r01, Partner agencies disengage from the partnership$/,
        /^closed and removed from the register; it was rated B2 \(likely, major impact\)$/,
      ),
    ).toMatchObject({ old: 'B2' });
  });

  it('lists risks added and re-rated', () => {
    expect(
      find(
        groups,
        'risks',
        /^Risk r02/,
        /^re-rated before mitigation from A2 \(very likely, major impact\) to B2 \(likely, major impact\)$/,
      ),
    ).toMatchObject({
      old: 'A2',
      new: 'B2',
    });
    expect(
      find(
        groups,
        'risks',
        /^Risk r00, The new youth hub opens late$/,
        /^added, rated C3 \(unlikely, moderate impact\), D3 \(rare, moderate impact\) after mitigation, owner Head of Youth Services$/,
      ),
    ).toBeDefined();
  });

  it('lists funding per stream and in total, with the difference in pounds', () => {
    expect(
      find(
        groups,
        'funding',
        /Youth navigators/,
        /^funding for 2027-28 changed from £168,420 to £48,420 \(−£120,000\)$/,
      ),
    ).toBeDefined();
    expect(
      find(
        groups,
        'funding',
        /Serious Violence Duty coordination/,
        /^funding for 2027-28 changed from £96,315 to £216,315 \(\+£120,000\)$/,
      ),
    ).toBeDefined();
    // £120,000 moved between streams in 2027-28: that year's total is unchanged, and the report says so;
    // 2029-30 fell by £30,000.
    expect(
      find(groups, 'funding', /^Total for 2027-28$/, /^unchanged at £[\d,]+: £120,000 moved between streams$/),
    ).toBeDefined();
    expect(find(groups, 'funding', /^Total for 2029-30$/, /\(−£30,000\)$/)).toBeDefined();
    expect(find(groups, 'funding', /^Total over the strategy$/, /\(−£30,000\)$/)).toBeDefined();
  });

  it('lists action status and due changes, EQIA impacts, governance and other data', () => {
    expect(find(groups, 'actions', /^Action sv-a2/, /^status changed from complete to at risk$/)).toBeDefined();
    expect(
      find(
        groups,
        'actions',
        /^Action sv-a2/,
        /^due changed from Q4 2027-28 \(January to March 2028\) to Q2 2028-29 \(July to September 2028\)$/,
      ),
    ).toBeDefined();
    expect(find(groups, 'eqia', /^Disability$/, /^impact changed from positive to neutral$/)).toBeDefined();
    expect(
      find(
        groups,
        'governance',
        /^Safer Northbridge Partnership Board$/,
        /^meets changed from every three months to every two months$/,
      ),
    ).toBeDefined();
    expect(find(groups, 'other', /^data\/charts\/asb-by-lsoa\.yaml$/, /^chart file changed \(title\)$/)).toBeDefined();
    expect(
      find(
        groups,
        'other',
        /^Logic model for Preventing serious violence, knife crime and exploitation$/,
        /^context reworded: was .*now .*Revised after the 2028 needs assessment/,
      ),
    ).toBeDefined();
  });

  it('reports nothing else', () => {
    const all = groups.flatMap((g) => g.changes.map((c) => `${g.id}: ${c.subject}: ${c.text}`));
    // 26 edits above, the 2027-28 total unchanged by a move, and two KPI statuses they change: sv-02 (its direction) and vawg-02 (its corrected
    // Q4 result). Statuses are for the reporting quarter (Q4 2027-28, the last ended by the publication
    // date 2028-05-15), so sv-01's new Q1 2028-29 result changes none: it stays rated on its Q4 figure.
    expect(all.filter((c) => c.startsWith('status: '))).toEqual([
      expect.stringMatching(
        /^status: KPI: Victims of knife crime.*: Near target → On target: latest result 116 in Q4 2027-28 /,
      ),
      expect.stringMatching(/^status: KPI: Referrals.*: On target → Off target: latest result 1,000 in Q4 2027-28 /),
    ]);
    // ...and the line saying the money moved between streams left 2027-28's total as it was.
    expect(all).toHaveLength(29);
  });

  it('reads without a file open: names, not ids or field names', () => {
    // KPIs and priorities are published by title, never by id; risk and action numbers are printed.
    expect(markdown).not.toMatch(/\b(sv|vawg|asb|dr|hc)-0\d\b/);
    expect(markdown).not.toMatch(/serious-violence|higher-is-better|lower-is-better|bi-monthly|at-risk/);
    expect(markdown).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    expect(markdown).not.toContain(' › ');
    expect(markdown).toContain('**Risk r02, Short-term grants end without replacement**');
  });

  it('reads as Markdown grouped under headings, and as JSON with the same changes', () => {
    expect(markdown).toMatch(/^## What changed in the strategy\n\n29 changes since main \([0-9a-f]{7}\)/);
    expect(markdown).toContain('\n### KPIs\n\n');
    expect(markdown).toContain(
      '\n- **KPI: Referrals to the Independent Domestic Violence Advisor service**: target for 2027-28 changed from 1,200 to 1,150\n',
    );
    const json = JSON.parse(formatDiffJson({ base: { ref: 'main', commit: 'x' }, groups }));
    expect(json.groups.map((g: ChangeGroup) => g.id)).toEqual(groups.map((g) => g.id));
  });
});

describe('strategy diff: settings and nested fields named as a councillor knows them', () => {
  it('says publication date, amber margin, funding status by year, lead and theory-of-change years in words', async () => {
    const root = repoWithExample();
    edit(root, 'data/partnership.yaml', '  date: 2028-05-15', '  date: 2028-06-01');
    edit(root, 'data/partnership.yaml', '  amber_within_percent: 5', '  amber_within_percent: 10');
    edit(
      root,
      'data/funding.yaml',
      '    status: indicative',
      '    status: { 2028-29: indicative, 2027-28: confirmed }',
    );
    edit(
      root,
      'data/priorities.yaml',
      'role: Detective Superintendent, Neighbourhood Policing and Partnerships',
      'role: Chief Superintendent',
    );
    edit(root, 'data/theory-of-change.yaml', /(\n {6}- year: 2027-28\n {8}outcome:) /, '$1 By March 2028, ');
    const result = await diffStrategy({ root, ref: 'HEAD' });
    const lines = result.groups
      .filter((g) => g.id !== 'status')
      .flatMap((g) => g.changes.map((c) => `${c.subject}: ${c.text}`));
    expect(lines).toEqual([
      'The strategy: publication date changed from 15 May 2028 to 1 June 2028',
      'The strategy: amber margin for KPIs (how far a KPI may miss its target and be amber, not red) changed from 5% to 10%',
      expect.stringMatching(
        /^Priority: Preventing serious violence and knife crime: lead's role reworded: was “Detective Superintendent, Neighbourhood Policing and Partnerships”, now “Chief Superintendent”$/,
      ),
      expect.stringMatching(
        /^.+, Home Office .+: funding status changed from indicative to confirmed for 2027-28, indicative for 2028-29$/,
      ),
      expect.stringMatching(
        /^Theory of change, From reacting to violence to preventing it: what must be true by the end of 2027-28 reworded: was “Hospital, police/,
      ),
    ]);
    // A wider amber margin turns some red KPIs amber: each is listed, with its result and target.
    const status = result.groups.find((g) => g.id === 'status')!.changes;
    expect(status.length).toBeGreaterThan(0);
    for (const c of status) expect(c.text).toMatch(/^Off target → Near target: latest result .+, against a target of /);
  });
});

describe('strategy diff: the same meaning in another layout', () => {
  it('reports nothing when YAML keys are reordered, lists restyled, CSV rows shuffled and a chapter reflowed', async () => {
    const root = repoWithExample();
    for (const name of fs
      .readdirSync(path.join(root, 'data'), { recursive: true, encoding: 'utf8' })
      .filter((n) => n.endsWith('.yaml'))) {
      const file = path.join(root, 'data', name);
      const value = YAML.parse(fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, YAML.stringify(value, { sortMapEntries: true, lineWidth: 0, indent: 4 }));
    }
    const csv = fs.readFileSync(path.join(root, 'data/kpi-actuals.csv'), 'utf8').trimEnd().split('\n');
    fs.writeFileSync(
      path.join(root, 'data/kpi-actuals.csv'),
      `${[csv[0], ...csv.slice(1).reverse()].join('\r\n')}\r\n`,
    );
    const chapter = path.join(root, 'content/05-strategic-priorities.md');
    fs.writeFileSync(
      chapter,
      fs
        .readFileSync(chapter, 'utf8')
        .replace(
          /Board members and delivery group chairs\n?considered/,
          'Board members and delivery group chairs\n   considered',
        ),
    );
    // The risks in another order: a register is a set of risks.
    const risks = path.join(root, 'data/risks.yaml');
    const value = YAML.parse(fs.readFileSync(risks, 'utf8'));
    value.risks.reverse();
    fs.writeFileSync(risks, YAML.stringify(value));
    git(root, 'commit', '-q', '-am', 'Reformatted');
    const result = await diffStrategy({ root, ref: 'HEAD~1' });
    expect(result.groups).toEqual([]);
    expect(formatDiffMarkdown(result)).toContain('No change to what the strategy says since HEAD~1');
  });
});

describe('strategy diff: git is used safely', () => {
  it('refuses a ref that would be read as an option, and a ref that does not exist', async () => {
    const root = repoWithExample();
    await expect(diffStrategy({ root, ref: '--output=/tmp/x' })).rejects.toThrow(/is not a git ref/);
    await expect(diffStrategy({ root, ref: 'no-such-branch' })).rejects.toThrow(/There is no commit "no-such-branch"/);
  });

  it('finds the merge base with the default branch by itself', async () => {
    const root = repoWithExample();
    git(root, 'checkout', '-q', '-b', 'feature');
    edit(root, 'data/partnership.yaml', 'version: "1.1"', 'version: "1.3"');
    git(root, 'commit', '-q', '-am', 'Version');
    const result = await diffStrategy({ root, env: {} });
    expect(result.base.ref).toBe('main');
    expect(result.base.commit).toBe(git(root, 'rev-parse', 'main'));
    expect(result.groups.flatMap((g) => g.changes.map((c) => c.text))).toEqual(['version changed from 1.1 to 1.3']);
  });

  it('compares a strategy kept in a subfolder of the repository, and skips symlinks in history', async () => {
    const root = copyExample();
    const top = path.dirname(root);
    fs.symlinkSync('/etc/passwd', path.join(root, 'data', 'leak.csv'));
    git(top, 'init', '-q', '-b', 'main');
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'one');
    edit(root, 'data/eqia.yaml', /(characteristic: age\n {4}impact:) positive/, '$1 negative');
    const result = await diffStrategy({ root, ref: 'HEAD' });
    expect(result.groups.flatMap((g) => g.changes.map((c) => `${c.subject}: ${c.text}`))).toEqual([
      'Age: impact changed from positive to negative',
    ]);
  });

  it('runs as `strategy diff <ref>`: Markdown by default, JSON on request, exit 2 for a bad ref', async () => {
    const root = repoWithExample();
    edit(root, 'data/eqia.yaml', /(characteristic: sex\n {4}impact:) positive/, '$1 negative');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), color: false, tty: false, env: {} };
    expect(await main(['diff', 'HEAD', '--root', root], io)).toBe(0);
    expect(out.join('')).toContain('### Equality impacts\n\n- **Sex**: impact changed from positive to negative\n');
    out.length = 0;
    expect(await main(['diff', 'HEAD', '--root', root, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out.join('')).groups).toEqual([
      {
        id: 'eqia',
        title: 'Equality impacts',
        changes: [
          { subject: 'Sex', text: 'impact changed from positive to negative', old: 'positive', new: 'negative' },
        ],
      },
    ]);
    expect(await main(['diff', 'nowhere', '--root', root], io)).toBe(2);
    expect(err.join('\n')).toContain('There is no commit "nowhere"');
  });

  it('accepts only paths that stay inside the folder', () => {
    expect(isContained('data/kpis.yaml')).toBe(true);
    for (const bad of ['../x', 'data/../../x', '/etc/passwd', 'data//x', 'a\\b', '', 'data/./x'])
      expect(isContained(bad)).toBe(false);
  });
});
