/** Plain-text tables for the reports (train and eval print the same layout). */
import type { Report } from './metrics';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

export function printReport(title: string, r: Report, perLabel = true): void {
  console.log(`${title}: macro-F1 ${pct(r.macroF1)}  micro-F1 ${pct(r.microF1)}  (n=${r.n})`);
  if (!perLabel) return;
  console.log(`  ${'label'.padEnd(28)}    P     R    F1  support`);
  for (const l of r.labels) {
    const row = `${pct(l.precision)} ${pct(l.recall)} ${pct(l.f1)}  ${String(l.support).padStart(6)}`;
    console.log(`  ${l.label.padEnd(28)} ${row}`);
  }
}

/** Rounds every number in a report tree to 4 decimals for metrics.json. */
export function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e4) / 1e4 : v,
    ),
  ) as T;
}
