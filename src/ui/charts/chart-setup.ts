// chart.js for the Tableau de bord: only the pieces the dashboard draws are registered (bars, doughnut, linear
// and category scales, tooltip, legend), and one configuration built from a chart model: French locale, ticks
// and tooltips, no animation (figures change on every edit and the picture must be final at once), a white
// background so that a saved PNG pastes well into a note.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type ChartEvent,
  type Plugin,
} from 'chart.js';
import { formatTick, toChartJsData, tooltipLine, type ChartModel } from './chart-model';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
);

export { Chart };

/** Paints the canvas white under the chart (a PNG would otherwise be transparent). */
const whiteBackground: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export interface ChartView {
  /** The model last drawn: tooltips and clicks read its exact values and keys. */
  current(): ChartModel;
  /** Called with the category key (e.g. a region code) of a clicked bar; absent when bars are not clickable. */
  onSelect?: ((key: string) => void) | undefined;
}

/** The category key under a click on a bar (all bars of a category share its index), or null. */
function keyAt(chart: Chart, event: ChartEvent, view: ChartView): string | null {
  if (!event.native) return null;
  const [hit] = chart.getElementsAtEventForMode(event.native, 'index', { intersect: true }, true);
  return hit ? (view.current().keys[hit.index] ?? null) : null;
}

/** Category axis below, value axis on the left with French ticks (`1,2 M€`, `31 500 €`, `1,5`). */
function barAxes(model: ChartModel) {
  const { unit, stacked } = model;
  return {
    x: { stacked, ticks: { autoSkip: false, maxRotation: 60 } },
    y: {
      stacked,
      beginAtZero: true,
      ticks: {
        precision: unit === 'count' ? 0 : undefined,
        callback: (v: string | number) => formatTick(unit, Number(v)),
      },
    },
  };
}

export function chartConfig(model: ChartModel, view: ChartView): ChartConfiguration<'bar' | 'doughnut'> {
  const select = view.onSelect;
  return {
    type: model.kind,
    data: toChartJsData(model),
    options: {
      locale: 'fr-FR',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      ...(model.kind === 'bar' ? { scales: barAxes(model) } : {}),
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: { label: (item) => tooltipLine(view.current(), item.datasetIndex, item.dataIndex) },
        },
      },
      onClick: select
        ? (event, _active, chart) => {
            const key = keyAt(chart, event, view);
            if (key !== null) select(key);
          }
        : undefined,
      onHover: select
        ? (event, _active, chart) => {
            chart.canvas.style.cursor = keyAt(chart, event, view) === null ? 'default' : 'pointer';
          }
        : undefined,
    },
    plugins: [whiteBackground],
  };
}
