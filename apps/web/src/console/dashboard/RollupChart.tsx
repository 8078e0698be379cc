import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR, type ProgressCounts } from './types';

// only the modules this chart uses: a stacked bar chart on canvas
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES = [
  ['met', 'met'],
  ['onTrack', 'on_track'],
  ['behind', 'behind'],
  ['notStarted', 'not_started'],
] as const;

/** Targets per status, stacked, one bar per group (lead unit or series). */
export default function RollupChart({ title, rows }: { title: string; rows: ({ name: string } & ProgressCounts)[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        inverse: true,
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: SERIES.map(([key, status]) => ({
        type: 'bar',
        stack: 'all',
        name: t(`console:progressStatus.${status}`),
        itemStyle: { color: STATUS_COLOR[status] },
        data: rows.map((r) => r[key]),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, t]);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600 }}>{title}</figcaption>
      <div ref={el} role="img" aria-label={title} style={{ height: Math.max(240, rows.length * 28 + 60) }} />
    </figure>
  );
}
