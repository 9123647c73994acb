// The Observatoire's charts: ECharts, only the parts used (bars, a grid, tooltips, a
// legend, the SVG renderer) and its French locale, with the app's colours. Each chart has
// its table and a text alternative written from its figures (components/Chart.svelte),
// which say more than ECharts' generic description would.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langFR from 'echarts/lib/i18n/langFR.js';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { number } from './french';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer, CanvasRenderer]);
echarts.registerLocale('FR', langFR);

export type ChartOption = EChartsCoreOption;

export const COLORS = {
	primary: '#1d5c63',
	accent: '#c2703d',
	text: '#1f2328',
	muted: '#5d6166',
	border: '#dedbd2',
	/** Critique, fragile, satisfaisant, point fort. */
	scale: ['#b3261e', '#e0a458', '#8fb8b1', '#276b43'],
	/** −, =, + */
	trend: ['#b3261e', '#b9b4a7', '#276b43']
};

export function mount(el: HTMLElement, option: ChartOption) {
	const chart = echarts.init(el, null, { renderer: 'svg', locale: 'FR' });
	chart.setOption(option);
	return chart;
}

/** The chart as a PNG at twice its size on a white ground, drawn again on a canvas: the
 * window draws in SVG, which a PNG cannot be read from. */
export function pngOf(option: ChartOption, width: number, height: number): string {
	const chart = echarts.init(document.createElement('div'), null, { renderer: 'canvas', width, height, locale: 'FR' });
	try {
		chart.setOption(option);
		return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
	} finally {
		chart.dispose();
	}
}

/** An SVG drawing (the map) as a PNG at twice its size on a white ground. */
export async function pngOfSvg(svg: string, width: number, height: number): Promise<string> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = width * 2;
	canvas.height = height * 2;
	const g = canvas.getContext('2d');
	if (!g) throw new Error("Le dessin n'a pas pu être préparé.");
	g.fillStyle = '#ffffff';
	g.fillRect(0, 0, canvas.width, canvas.height);
	g.drawImage(image, 0, 0, canvas.width, canvas.height);
	return canvas.toDataURL('image/png');
}

/** Without animation: a filter's figures show at once, in one frame. */
const base = { animation: false };

const font = { fontFamily: 'Inter Variable, Inter, system-ui, sans-serif', fontSize: 12, color: COLORS.text };

/** Horizontal bars, one per label, the largest at the top; `unit` writes each bar's value,
 * which needs room at the right of the longest bar. */
export function bars(labels: string[], values: number[], unit: (n: number) => string = number): ChartOption {
	const widest = Math.max(0, ...values.map((v) => unit(v).length));
	return {
		...base,
		textStyle: font,
		grid: { left: 8, right: 16 + widest * 7, top: 4, bottom: 4, containLabel: true },
		tooltip: { trigger: 'item', valueFormatter: (v: number) => unit(v) },
		xAxis: { type: 'value', show: false },
		yAxis: {
			type: 'category',
			inverse: true,
			data: labels,
			axisTick: { show: false },
			axisLine: { lineStyle: { color: COLORS.border } },
			axisLabel: { width: 190, overflow: 'truncate', color: COLORS.text }
		},
		series: [
			{
				type: 'bar',
				data: values,
				barMaxWidth: 18,
				itemStyle: { color: COLORS.primary, borderRadius: [0, 3, 3, 0] },
				label: { show: true, position: 'right', formatter: (p: { value: number }) => unit(p.value), color: COLORS.text }
			}
		]
	};
}

/** Vertical bars over time (months or quarters). */
export function columns(labels: string[], values: number[]): ChartOption {
	return {
		...base,
		textStyle: font,
		grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
		tooltip: { trigger: 'axis' },
		xAxis: {
			type: 'category',
			data: labels,
			axisTick: { show: false },
			axisLine: { lineStyle: { color: COLORS.border } },
			axisLabel: { color: COLORS.text, hideOverlap: true }
		},
		yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: COLORS.border } } },
		series: [{ type: 'bar', data: values, barMaxWidth: 28, itemStyle: { color: COLORS.primary, borderRadius: [3, 3, 0, 0] } }]
	};
}

/** Horizontal bars stacked by parts (a grid's four scores, a criterion's three trends). */
export function stacked(labels: string[], parts: { name: string; values: number[]; color: string }[]): ChartOption {
	return {
		...base,
		textStyle: font,
		legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: font },
		grid: { left: 8, right: 16, top: 32, bottom: 4, containLabel: true },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: COLORS.border } } },
		yAxis: {
			type: 'category',
			inverse: true,
			data: labels,
			axisTick: { show: false },
			axisLabel: { width: 210, overflow: 'truncate', color: COLORS.text }
		},
		series: parts.map((p) => ({
			type: 'bar',
			name: p.name,
			stack: 'all',
			data: p.values,
			barMaxWidth: 18,
			itemStyle: { color: p.color }
		}))
	};
}
