// Charts: Observable Plot renders each one as an SVG element, built detached. Plot puts one <style>
// element in each SVG; under the panel's CSP (no 'unsafe-inline') it would be refused, so it is
// stamped with this page's nonce before the SVG is inserted. Colours are read from VS Code's theme
// variables at render time and passed to Plot as literal values, so an exported SVG/PNG keeps them.
// Each chart sits in a <figure> with a caption, a text alternative and export buttons; the SVG
// carries role="img", aria-label and aria-description.
import * as Plot from '@observablehq/plot';
import { actionButton, h } from './dom';

/** The nonce of the script tag that loaded this bundle (the only way to learn it inside the page). */
export const pageNonce: string = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

export interface Theme {
  fg: string;
  muted: string;
  bg: string;
  grid: string;
  accent: string;
  bad: string;
  good: string;
  warn: string;
  series: string[];
  font: string;
}

export function readTheme(): Theme {
  const cs = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
  const fg = v('--vscode-editor-foreground', v('--vscode-foreground', '#cccccc'));
  return {
    fg,
    muted: v('--vscode-descriptionForeground', '#999999'),
    bg: v('--vscode-editor-background', '#1e1e1e'),
    grid: v('--vscode-editorIndentGuide-background1', v('--vscode-panel-border', '#444444')),
    accent: v('--vscode-charts-blue', '#3794ff'),
    bad: v('--vscode-charts-red', '#f14c4c'),
    good: v('--vscode-charts-green', '#89d185'),
    warn: v('--vscode-charts-yellow', '#cca700'),
    series: [v('--vscode-charts-blue', '#3794ff'), v('--vscode-charts-orange', '#d18616'), v('--vscode-charts-purple', '#b180d7'), v('--vscode-charts-green', '#89d185'), v('--vscode-charts-yellow', '#cca700')],
    font: v('--vscode-font-family', 'system-ui, sans-serif'),
  };
}

/** Plot options every chart shares: theme colours as literals, the panel's width. */
export function baseOptions(theme: Theme, width: number, label: string, description: string): Plot.PlotOptions {
  return {
    width,
    height: Math.round(Math.min(360, Math.max(220, width * 0.42))),
    marginLeft: 60,
    marginBottom: 40,
    ariaLabel: label,
    ariaDescription: description,
  };
}

/** Renders a Plot, stamps its <style> elements with the nonce, and returns the SVG. */
export function renderPlot(options: Plot.PlotOptions, theme: Theme): SVGSVGElement {
  const el = Plot.plot(options) as unknown as Element;
  for (const s of Array.from(el.querySelectorAll('style'))) (s as HTMLStyleElement).nonce = pageNonce;
  const svg = (el instanceof SVGSVGElement ? el : el.querySelector('svg')) as SVGSVGElement;
  // `color` is a presentation attribute (not a style attribute), so the CSP allows it; Plot draws text
  // and axes in currentColor.
  svg.setAttribute('color', theme.fg);
  svg.setAttribute('font-family', theme.font);
  svg.setAttribute('role', 'img');
  return svg;
}

export interface ChartSpec {
  /** File-name-safe id, also the element id prefix (`chart-<id>`). */
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows in numbers: the text alternative. */
  summary: string;
  /** Series shown, for a legend drawn in HTML (SVG swatches, no inline style). */
  legend?: { label: string; color: string; dashed?: boolean }[];
  draw: (theme: Theme, width: number) => SVGSVGElement;
  /** Set when the chart has no data points: why, as the disabled export buttons' title. */
  empty?: string;
}

export type ExportHandler = (figureId: string, format: 'svg' | 'png', svg: SVGSVGElement) => void;

export function chartFigure(spec: ChartSpec, theme: Theme, width: number, onExport: ExportHandler): HTMLElement {
  const svg = spec.draw(theme, width);
  const captionId = `chart-${spec.id}-caption`;
  const summaryId = `chart-${spec.id}-summary`;
  svg.setAttribute('aria-labelledby', captionId);
  svg.setAttribute('aria-describedby', summaryId);
  const legend = spec.legend?.length
    ? h(
        'ul',
        { class: 'legend', 'aria-label': `${spec.title}: legend` },
        ...spec.legend.map((l) => {
          const sw = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
          sw.setAttribute('width', '18');
          sw.setAttribute('height', '10');
          sw.setAttribute('aria-hidden', 'true');
          const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
          for (const [k, v] of Object.entries({ x1: '0', y1: '5', x2: '18', y2: '5', stroke: l.color, 'stroke-width': '3' })) line.setAttribute(k, v);
          if (l.dashed) line.setAttribute('stroke-dasharray', '4 3');
          sw.append(line);
          return h('li', {}, sw, ` ${l.label}`);
        }),
      )
    : null;
  const button = (format: 'svg' | 'png') =>
    actionButton({ class: 'export', 'aria-label': `Export "${spec.title}" as ${format.toUpperCase()}` }, format.toUpperCase(), () => onExport(spec.id, format, svg), spec.empty && `Nothing to export: ${spec.empty}`);
  const svgButton = button('svg');
  const pngButton = button('png');
  return h(
    'figure',
    { id: `chart-${spec.id}`, class: 'chart', tabindex: '0', 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, h('span', { class: 'title' }, spec.title), h('span', { class: 'exports' }, 'Export: ', svgButton, ' ', pngButton)),
    legend,
    svg,
    h('p', { id: summaryId, class: 'summary' }, spec.summary),
  );
}

/** A standalone SVG document of a chart, with the theme's background so it reads outside VS Code. */
export function serializeSvg(svg: SVGSVGElement, theme: Theme): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const a of ['aria-labelledby', 'aria-describedby']) clone.removeAttribute(a);
  for (const s of Array.from(clone.querySelectorAll('style'))) s.removeAttribute('nonce');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', theme.bg);
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

/** Rasterises the standalone SVG at 2× through an <img> on a data: URL (allowed by img-src data:). */
export async function svgToPng(svgText: string, width: number, height: number): Promise<string> {
  const bytes = new TextEncoder().encode(svgText);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${btoa(bin)}`;
  await img.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
