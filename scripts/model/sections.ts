/** The ten sections of a Community Safety Partnership strategy, in their fixed order (see DOMAIN.md). */
export interface SectionSpec {
  number: number;
  title: string;
  /** The id used in URLs and cross-references. */
  id: string;
  /** The file name `strategy init` writes and the error hints suggest. */
  file: string;
}

const spec = (number: number, title: string, id: string): SectionSpec => ({
  number,
  title,
  id,
  file: `content/${String(number).padStart(2, '0')}-${id}.md`,
});

export const SECTIONS: readonly SectionSpec[] = [
  spec(1, 'Executive Summary', 'executive-summary'),
  spec(2, 'Legal Duties', 'legal-duties'),
  spec(3, 'Partnership Context', 'partnership-context'),
  spec(4, 'Findings from the Strategic Needs Assessment', 'needs-assessment'),
  spec(5, 'Strategic Priorities', 'strategic-priorities'),
  spec(6, 'Delivery Plans', 'delivery-plans'),
  spec(7, 'Performance and Governance Framework', 'performance-and-governance'),
  spec(8, 'Resourcing and Commissioning Plan', 'resourcing-and-commissioning'),
  spec(9, 'Equality Impact Assessment', 'equality-impact-assessment'),
  spec(10, 'Risk Register', 'risk-register'),
];
