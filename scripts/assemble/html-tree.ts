/**
 * HTML parsed into a hast tree the way a browser parses it (parse5), for the assemble stage's work on
 * finished HTML (the site's touches, the template guard). It is `hast-util-from-html` without the
 * source positions: that package always asks parse5 to track every token's location and then turns
 * each into a line and column, which takes more time than the parse itself on pages full of SVG.
 * Nothing here reads a position (the guard places its messages by searching the template files), and
 * `hast-util-to-html` writes the same bytes with or without them.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse, parseFragment } from 'parse5';

/** A whole document (`<html>`, `<head>` and `<body>` as the parser supplies them). */
export function parseDocument(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}

/** A fragment, as the body of a document would hold it. */
export function parseHtmlFragment(html: string): Root {
  return fromParse5(parseFragment(html, { scriptingEnabled: false })) as Root;
}

/**
 * A deep copy of a parsed tree, for a second output from one parse: nodes, property objects and
 * list-valued properties are new, strings shared. Several times faster than `structuredClone`,
 * which has to handle any value.
 */
export function cloneTree<T extends Nodes>(node: T): T {
  const copy = { ...node };
  if ('properties' in node) {
    const properties = { ...node.properties };
    for (const [key, value] of Object.entries(properties)) if (Array.isArray(value)) properties[key] = [...value];
    (copy as typeof node).properties = properties;
  }
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((c) => cloneTree(c));
  if (node.type === 'element') {
    const content = (node as Element).content;
    if (content) (copy as Element).content = cloneTree(content);
  }
  return copy;
}
