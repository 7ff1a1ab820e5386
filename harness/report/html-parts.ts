import type { ChartSpec } from './chart-specs.js';
import { escapeHtml as e } from './format.js';

/** Script text made safe to sit inside a `<script>` element. */
export function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, '<\\/script');
}

/** JSON inside `<script type="application/json">`: `<` escaped so no text can close the element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A figure with a canvas for each spec `ids` picks, drawn by `CHART_SCRIPT`. */
export function canvases(specs: readonly ChartSpec[], ids: (id: string) => boolean): string {
  const figures = specs
    .filter((s) => ids(s.id))
    .map(
      (s) =>
        `<figure><canvas data-chart="${e(s.id)}" width="560" height="300" role="img" aria-label="${e(s.title)}"></canvas></figure>`,
    )
    .join('');
  return figures ? `<div class="charts">${figures}</div>` : '';
}
