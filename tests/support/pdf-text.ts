/**
 * A pdf.js page's text items with the marked-content tags that enclose each (outermost first), so a
 * test can tell tagged text from artefacts ("Artifact") without walking pdf.js's begin/end items itself.
 */
interface MarkedItem {
  type?: string;
  tag?: string;
  str?: string;
}

/** The page type of pdf.js, as far as this needs it. */
interface TextPage {
  getTextContent(options: { includeMarkedContent: boolean }): Promise<{ items: unknown[] }>;
}

export async function taggedText(page: TextPage): Promise<{ str: string; tags: string[] }[]> {
  const items = (await page.getTextContent({ includeMarkedContent: true })).items as MarkedItem[];
  const stack: string[] = [];
  const out: { str: string; tags: string[] }[] = [];
  for (const i of items) {
    if (i.type === 'beginMarkedContent' || i.type === 'beginMarkedContentProps') stack.push(i.tag ?? '');
    else if (i.type === 'endMarkedContent') stack.pop();
    else if (i.str !== undefined) out.push({ str: i.str, tags: [...stack] });
  }
  return out;
}
