/** Escaping for text from data placed in HTML or SVG: the one escaper of the render stage. */
export { esc as escapeHtml } from '../html.js';
