import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-specs.js';
import { renderPngs } from './render-pngs.js';

const spec: ChartSpec = {
  id: 'cost-per-1k',
  title: 'Cost per 1,000 requests',
  config: {
    type: 'bar',
    data: {
      labels: ['simple', 'complex', 'full'],
      datasets: [
        { label: 'agno-only', data: [4.2, 8.1, 7.8], backgroundColor: '#8a5cf6' },
        { label: 'hybrid', data: [0.09, 8.1, 5.0], backgroundColor: '#0f766e' },
      ],
    },
    options: { plugins: { title: { display: true, text: 'Cost per 1,000 requests' } } },
  },
};

/** Share of pixels that are not white, and whether the hybrid bar colour is there. */
async function inspect(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  let teal = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (r < 250 || g < 250 || b < 250) ink++;
    if (Math.abs(r - 0x0f) < 8 && Math.abs(g - 0x76) < 8 && Math.abs(b - 0x6e) < 8) teal++;
  }
  return { width: image.width, height: image.height, ink: ink / (data.length / 4), teal };
}

describe('renderPngs', () => {
  it('draws each chart into a PNG at the asked size and density, with text and bars', async () => {
    const files = await renderPngs([spec], { width: 400, height: 250, scale: 2 });
    expect(Object.keys(files)).toEqual(['cost-per-1k.png']);
    const png = files['cost-per-1k.png'] as Buffer;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const seen = await inspect(png);
    expect(seen).toMatchObject({ width: 800, height: 500 });
    expect(seen.ink).toBeGreaterThan(0.03); // axes, labels, bars: not a blank canvas
    expect(seen.teal).toBeGreaterThan(500); // the hybrid bars
  });
});
