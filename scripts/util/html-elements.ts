/**
 * The one list of HTML elements the project refuses, and why. Chapters (render's sanitiser) and a
 * strategy's own templates (assemble's guard) both arrive through pull requests, so they are checked
 * against the same names; the security tests' independent checker reads them from here too.
 */

/** Elements that load another document or a plugin into the page. */
export const EMBEDDING_ELEMENTS = [
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'portal',
  'fencedframe',
] as const;

/** Elements that change where the page's addresses lead or send what a reader types elsewhere. */
export const REDIRECTING_ELEMENTS = ['base', 'form'] as const;

/**
 * Never allowed in a page a strategy's templates make: a template may have style, links, meta tags and
 * SVG, and its script and `<meta http-equiv>` are checked on their own (only the site's own script and
 * the Content-Security-Policy pass).
 */
export const TEMPLATE_FORBIDDEN: readonly string[] = [...EMBEDDING_ELEMENTS, ...REDIRECTING_ELEMENTS];

/**
 * Dropped from a chapter with everything inside them: besides the above, whatever runs script, styles
 * the page, draws outside the allowlist (SVG, MathML, canvas, media), takes input, or belongs in the
 * document's head. Any other element not on the sanitiser's allowlist (a `<font>`, a `<center>`) is
 * unwrapped instead: its text is kept, the tag is not.
 */
export const CONTENT_STRIPPED: readonly string[] = [
  ...TEMPLATE_FORBIDDEN,
  'script',
  'style',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'svg',
  'math',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'title',
  'xmp',
  'plaintext',
  'link',
  'meta',
  'head',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'picture',
  'map',
  'area',
  'dialog',
  'slot',
];
