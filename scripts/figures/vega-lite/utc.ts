/**
 * Times as UTC, so a chart does not change with the machine's time zone: `timeUnit: yearmonth` becomes
 * `utcyearmonth`, a time scale a UTC one. Its own module, free of Vega, so a cached check (checked.ts)
 * can apply it without loading the checker.
 */
type Json = Record<string, unknown>;

/** Make every time unit and time scale UTC (in place). */
export function useUtc(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(useUtc);
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'values' || k === 'datasets') continue;
    if (k === 'timeUnit') {
      if (typeof v === 'string' && !v.startsWith('utc')) obj[k] = `utc${v}`;
      else if (v && typeof v === 'object' && !Array.isArray(v)) {
        const unit = (v as Json)['unit'];
        if (typeof unit === 'string' && !unit.startsWith('utc')) (v as Json)['unit'] = `utc${unit}`;
      }
      continue;
    }
    if (k === 'scale' && v && typeof v === 'object' && (v as Json)['type'] === 'time') (v as Json)['type'] = 'utc';
    useUtc(v);
  }
}
