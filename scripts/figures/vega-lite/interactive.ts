/**
 * Interactive parts of a spec: selections (`params` with `select`, a brush, a click) and bound inputs
 * (`params` with `bind`, a slider or a drop-down). The site and the PDF show a static drawing, so each
 * is drawn in its initial state: a warning at its line says so, and the chart's description says what
 * the drawing shows ("Drawn as it first appears: threshold is 250.") so a reader is never left with a
 * colouring that a missing widget explains.
 */
import type { PathSegment } from '../../load/yaml.js';

type Json = Record<string, unknown>;

export interface Interaction {
  /** Path of the param inside the spec. */
  path: PathSegment[];
  name: string;
  kind: 'selection' | 'input';
  /** The initial state, in words. */
  initially: string;
}

function describeValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Every selection and bound input in the spec, in the order written. */
export function findInteractions(spec: unknown): Interaction[] {
  const out: Interaction[] = [];
  const walk = (node: unknown, p: PathSegment[]): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...p, i]));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === 'data' || k === 'datasets') continue;
      if (k === 'params' && Array.isArray(v)) {
        v.forEach((param, i) => {
          if (!param || typeof param !== 'object') return;
          const prm = param as Json;
          const name = typeof prm['name'] === 'string' ? prm['name'] : `params[${i + 1}]`;
          const bind = prm['bind'];
          const select = prm['select'];
          if (select !== undefined) {
            const initial = prm['value'];
            const type =
              typeof select === 'string'
                ? select
                : typeof (select as Json)['type'] === 'string'
                  ? String((select as Json)['type'])
                  : 'point';
            const boundToLegend = bind === 'legend' || (bind && typeof bind === 'object' && 'legend' in (bind as Json));
            out.push({
              path: [...p, k, i],
              name,
              kind: bind !== undefined && !boundToLegend && !(bind === 'scales') ? 'input' : 'selection',
              initially:
                initial === undefined
                  ? `nothing is selected in "${name}" (${type === 'interval' ? 'a brushed range' : 'a clicked point'} online)`
                  : `"${name}" selects ${describeValue(initial)}`,
            });
          } else if (bind !== undefined) {
            out.push({
              path: [...p, k, i],
              name,
              kind: 'input',
              initially: `${name} is ${describeValue(prm['value']) || 'not set'}`,
            });
          }
        });
        continue;
      }
      walk(v, [...p, k]);
    }
  };
  walk(spec, []);
  return out;
}

/** The sentence added to the chart's description. */
export function staticNote(interactions: readonly Interaction[]): string {
  if (interactions.length === 0) return '';
  return `Drawn as it first appears: ${interactions.map((i) => i.initially).join('; ')}.`;
}
