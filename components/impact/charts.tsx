import { scaleLinear, scaleTime } from 'd3-scale';
import { area, line, stack } from 'd3-shape';
import type { ReactNode } from 'react';

/**
 * Charts drawn on the server: d3-scale computes the positions and d3-shape the paths, React
 * writes them as SVG, and no JavaScript reaches the browser. Text stays in HTML around the
 * shapes (it wraps and keeps its size on a phone), and the shapes mirror in right-to-left
 * languages (rtl:-scale-x-100). Every chart is an image described by its caption, with the
 * same figures as a table beside it (ChartFigure).
 */

export const palette = ['#0b5cab', '#c2410c', '#15803d', '#7e22ce', '#b45309', '#0f766e'] as const;

/** A chart and its text alternative: the figures as a table, in a disclosure that prints open. */
export function ChartFigure({ id, title, chart, table, tableLabel }: { id: string; title: string; chart: ReactNode; table: ReactNode; tableLabel: string }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-chart>
      <h2 id={id} className="text-lg">
        {title}
      </h2>
      <figure className="m-0" aria-labelledby={id}>
        {chart}
      </figure>
      <details className="text-sm print:hidden">
        <summary className="cursor-pointer text-brand-700">{tableLabel}</summary>
        <div className="mt-2">{table}</div>
      </details>
    </section>
  );
}

export type Bar = { key: string; label: ReactNode; value: number; valueText: string; note?: ReactNode };

/** Horizontal bars, longest first as given; the label and the figure above each bar. */
export function BarChart({ bars, description }: { bars: Bar[]; description: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear().domain([0, max]).range([0, 100]);
  return (
    <div role="img" aria-label={description}>
      <ul className="space-y-3" aria-hidden="true">
        {bars.map((b, i) => (
          <li key={b.key}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="text-slate-800">
                {b.label}
                {b.note}
              </span>
              <span className="font-medium tabular-nums text-slate-900">{b.valueText}</span>
            </div>
            <svg className="mt-1 block h-3 w-full rtl:-scale-x-100" viewBox="0 0 100 12" preserveAspectRatio="none" focusable="false">
              <rect x="0" y="0" width="100" height="12" rx="1" fill="#f1f5f9" />
              <rect x="0" y="0" width={x(b.value)} height="12" rx="1" fill={palette[i % palette.length]} />
            </svg>
          </li>
        ))}
      </ul>
    </div>
  );
}

export type StackRow = { key: string; label: string; values: Record<string, number>; totalText: string };

/** Horizontal stacked bars (d3-shape's stack): one bar per row, one segment per series, with a legend. */
export function StackedBarChart({ rows, series, description }: { rows: StackRow[]; series: { key: string; label: string }[]; description: string }) {
  const keys = series.map((s) => s.key);
  const stacked = stack<StackRow['values']>().keys(keys)(rows.map((r) => r.values));
  const max = Math.max(1, ...rows.map((r) => keys.reduce((n, k) => n + (r.values[k] ?? 0), 0)));
  const x = scaleLinear().domain([0, max]).range([0, 100]);
  return (
    <div role="img" aria-label={description}>
      <div aria-hidden="true">
        <ul className="mb-3 flex flex-wrap gap-4 text-sm">
          {series.map((s, i) => (
            <li key={s.key} className="flex items-center gap-1.5">
              <svg className="size-3" viewBox="0 0 12 12" focusable="false">
                <rect width="12" height="12" rx="2" fill={palette[i % palette.length]} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
        <ul className="space-y-3">
          {rows.map((r, j) => (
            <li key={r.key}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="text-slate-800">{r.label}</span>
                <span className="font-medium tabular-nums text-slate-900">{r.totalText}</span>
              </div>
              <svg className="mt-1 block h-4 w-full rtl:-scale-x-100" viewBox="0 0 100 16" preserveAspectRatio="none" focusable="false">
                <rect x="0" y="0" width="100" height="16" fill="#f1f5f9" />
                {stacked.map((layer, i) => {
                  const [a, b] = layer[j];
                  return <rect key={layer.key} x={x(a)} y="0" width={Math.max(0, x(b) - x(a))} height="16" fill={palette[i % palette.length]} />;
                })}
              </svg>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export type TimePoint = { key: string; date: string; value: number; label: string; valueText: string };

/**
 * The running total over time: an area from zero at the start of the first period to each
 * period's end (d3-shape's area and line on a time scale), the periods named below. No
 * inline style (the Content-Security-Policy forbids it): the shapes stretch to the box, the
 * markers are round-capped zero-length strokes that keep their size, and the axis labels
 * sit in flex boxes (nice() makes the ticks evenly spaced from zero to the top).
 */
export function CumulativeChart({ start, points, description, ticks }: { start: string; points: TimePoint[]; description: string; ticks: (value: number) => string }) {
  const W = 600;
  const H = 208;
  const all = [{ date: start, value: 0 }, ...points];
  const x = scaleTime()
    .domain([new Date(start), new Date(points.at(-1)!.date)])
    .range([0, W]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.value))])
    .nice(4)
    .range([H, 0]);
  const px = (d: { date: string }) => x(new Date(d.date));
  const py = (d: { value: number }) => y(d.value);
  const areaPath = area<(typeof all)[number]>().x(px).y0(H).y1(py)(all) ?? '';
  const linePath = line<(typeof all)[number]>().x(px).y(py)(all) ?? '';
  const yTicks = y.ticks(4);
  return (
    <div role="img" aria-label={description}>
      <div aria-hidden="true" className="flex gap-2">
        <div className="-my-2 flex h-56 w-16 shrink-0 flex-col-reverse justify-between text-end text-xs tabular-nums text-slate-600">
          {yTicks.map((t) => (
            <span key={t}>{ticks(t)}</span>
          ))}
        </div>
        <svg className="block h-52 min-w-0 flex-1 overflow-visible rtl:-scale-x-100" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" focusable="false">
          {yTicks.map((t) => (
            <line key={t} x1="0" x2={W} y1={y(t)} y2={y(t)} stroke="#e2e8f0" vectorEffect="non-scaling-stroke" />
          ))}
          <path d={areaPath} fill="#d6e6f7" />
          <path d={linePath} fill="none" stroke="#0b5cab" strokeWidth="2.5" vectorEffect="non-scaling-stroke" />
          {points.map((p) => (
            <line key={p.key} x1={px(p)} x2={px(p)} y1={py(p)} y2={py(p)} stroke="#073a6d" strokeWidth="9" strokeLinecap="round" vectorEffect="non-scaling-stroke" />
          ))}
        </svg>
      </div>
      <ol aria-hidden="true" className="ms-18 mt-2 flex justify-between gap-2 text-xs text-slate-700">
        {points.map((p) => (
          <li key={p.key} className="text-end first:text-start">
            <span className="block font-medium">{p.label}</span>
            <span className="tabular-nums">{p.valueText}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
