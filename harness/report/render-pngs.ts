import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration, registerables } from 'chart.js';
import type { ChartSpec } from './chart-specs.js';

const require = createRequire(import.meta.url);
const FONT_FAMILY = 'DejaVu Sans';
let ready = false;

/**
 * chart.js on a Skia canvas, with a font file the project ships (a machine with no system fonts
 * still gets legible text). Registered once per process.
 */
function prepare(): void {
  if (ready) return;
  Chart.register(...registerables);
  const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  GlobalFonts.registerFromPath(join(fonts, 'DejaVuSans.ttf'), FONT_FAMILY);
  Chart.defaults.font.family = FONT_FAMILY;
  ready = true;
}

export interface PngOptions {
  width?: number;
  height?: number;
  /** Pixel density: 2 draws crisp charts for pull-request comments. */
  scale?: number;
}

/** PNGs have no page behind them: paint one before each draw (chart.js leaves it transparent). */
const WHITE_BACKGROUND = {
  id: 'white-background',
  beforeDraw(chart: Chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** The charts worth a PNG: cost per 1k, each path's latency CDF and the p95 trend (the rest stay in the HTML). */
export const PNG_CHARTS = /^(cost-per-1k|latency-cdf-.*|trend-p95)$/;

/**
 * Each chart as a PNG, named `<chart id>.png`, on a white background. Drawing is synchronous;
 * PNG encoding runs off the main thread, all charts at once.
 */
export async function renderPngs(
  specs: readonly ChartSpec[],
  options: PngOptions = {},
): Promise<Record<string, Buffer>> {
  prepare();
  const width = options.width ?? 720;
  const height = options.height ?? 380;
  const scale = options.scale ?? 2;
  const encoded: Array<Promise<readonly [string, Buffer]>> = [];
  for (const spec of specs) {
    // Logical size: chart.js multiplies it by devicePixelRatio itself.
    const canvas = createCanvas(width, height);
    const context = canvas.getContext('2d');
    const config = structuredClone(spec.config) as unknown as ChartConfiguration;
    config.options = {
      ...config.options,
      devicePixelRatio: scale,
      responsive: false,
      animation: false,
    };
    config.plugins = [WHITE_BACKGROUND];
    // chart.js takes any canvas-like object whose context it can draw on.
    const chart = new Chart(context, config);
    encoded.push(
      canvas.encode('png').then((png) => {
        chart.destroy(); // only now: destroying clears the canvas
        return [`${spec.id}.png`, png] as const;
      }),
    );
  }
  return Object.fromEntries(await Promise.all(encoded));
}
