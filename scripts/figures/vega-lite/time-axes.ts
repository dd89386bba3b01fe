/**
 * Time axes that tell the reader the period.
 *
 * Vega-Lite asks a time axis for a tick every 40 pixels and then hides every other label when they
 * overlap (`labelOverlap`, parity). With monthly ticks over several years the hidden half can be every
 * year boundary, so an axis read "October, April, October…" with no year at all. After compiling, each
 * time axis that the spec does not set up itself (no `values`, `tickCount`, `format` or `labelExpr`) is
 * given ticks spaced for its labels, so none need hiding and d3's calendar ticks keep falling on year
 * boundaries (labelled with the year); and labels are short ("2028" at a year's start, "Apr" at a month's, "3 Apr" otherwise), the
 * first with its year ("Apr 2027"), so the period is known from the left edge.
 *
 *   compiled Vega spec --(per axis on a time or utc scale, not set up by the spec)--> wider tick spacing, first label with its year
 */
type Json = Record<string, unknown>;

/** Pixels per label: room for "Apr 2027" at 12px beside a short label. */
export const PIXELS_PER_TIME_LABEL = 60;

function scaleTypes(node: Json, into: Map<string, string>): void {
  for (const s of (node['scales'] ?? []) as Json[]) into.set(String(s['name']), String(s['type'] ?? 'linear'));
  for (const m of (node['marks'] ?? []) as Json[]) scaleTypes(m, into);
}

const MONTH_MS = 2629800000;

/**
 * Ticks on calendar boundaries, spaced for their labels: every 1, 2, 3 or 6 months, or every 1, 2, 5,
 * 10… years (d3 aligns these to January, so each year's start is a tick). Under two months of data the
 * axis keeps Vega-Lite's own ticks (days).
 */
function tickCountSignal(scale: string, size: string, original: string): string {
  const span = `(span(domain('${scale}')))`;
  const raw = `(${span} / ${MONTH_MS} / max(1, ${size} / ${PIXELS_PER_TIME_LABEL}))`;
  const months = (step: number) => `{interval: 'month', step: ${step}}`;
  const years = (step: number) => `{interval: 'year', step: ${step}}`;
  return (
    `${span} < 2 * ${MONTH_MS} ? ${original} : ${raw} <= 1 ? ${months(1)} : ${raw} <= 2 ? ${months(2)} : ${raw} <= 3 ? ${months(3)} : ` +
    `${raw} <= 6 ? ${months(6)} : ${raw} <= 12 ? ${years(1)} : ${raw} <= 24 ? ${years(2)} : ${raw} <= 60 ? ${years(5)} : ${years(10)}`
  );
}

/** `axesOf` walks every axis of the spec, top level and inside groups. */
function eachAxis(node: Json, visit: (axis: Json) => void): void {
  for (const a of (node['axes'] ?? []) as Json[]) visit(a);
  for (const m of (node['marks'] ?? []) as Json[]) eachAxis(m, visit);
}

/**
 * Make time axes readable, in place. `userSet(scale)` says whether the spec set ticks, values, a format
 * or a label expression for the axis of that scale itself: those axes are left exactly as written.
 */
export function readableTimeAxes(spec: Json, userSet: (axis: Json) => boolean = () => false): void {
  const types = new Map<string, string>();
  scaleTypes(spec, types);
  eachAxis(spec, (axis) => {
    const type = types.get(String(axis['scale']));
    if (type !== 'time' && type !== 'utc') return;
    if (axis['values'] !== undefined || axis['format'] !== undefined || userSet(axis)) return;
    const labels = ((axis['encode'] as Json | undefined)?.['labels'] as Json | undefined)?.['update'] as
      | Json
      | undefined;
    if (labels?.['text'] !== undefined) return;
    // Grid lines and domain-only axes (no labels) keep their ticks.
    if (axis['labels'] === false) return;
    const count = axis['tickCount'] as Json | undefined;
    const size =
      count && typeof count === 'object' && typeof count['signal'] === 'string'
        ? /ceil\((\w+)\s*\/\s*40\)/.exec(count['signal'])?.[1]
        : undefined;
    if (!size) return;
    axis['tickCount'] = { signal: tickCountSignal(String(axis['scale']), size, count!['signal'] as string) };
    axis['labelOverlap'] = false;
    const u = type === 'utc' ? 'utc' : '';
    const fmt = (f: string) => `${u ? 'utcFormat' : 'timeFormat'}(datum.value, '${f}')`;
    const part = (p: string) => `${u}${p}(datum.value)`;
    const year = `(datum.index == 0 ? ${fmt(' %Y')} : '')`;
    // Short labels: a year at each year's start, "Apr" at a month's, "3 Apr" otherwise; the first with its year.
    const text =
      `${part('hours')} != 0 || ${part('minutes')} != 0 ? datum.label : ` +
      `${part('month')} == 0 && ${part('date')} == 1 ? ${fmt('%Y')} : ` +
      `${part('date')} == 1 ? ${fmt('%b')} + ${year} : ${fmt('%-d %b')} + ${year}`;
    const encode = (axis['encode'] ??= {}) as Json;
    const labelEncode = (encode['labels'] ??= {}) as Json;
    const update = (labelEncode['update'] ??= {}) as Json;
    update['text'] = { signal: text };
  });
}
