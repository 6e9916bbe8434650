import { useEffect, useRef, useState } from 'react';
import type { ChartOption } from './chart-options';

type ECharts = typeof import('echarts/core');

let loaded: Promise<ECharts> | undefined;

/** ECharts, loaded when the first chart is drawn (./echarts-setup: core plus what is used). */
const loadEcharts = (): Promise<ECharts> => (loaded ??= import('./echarts-setup').then((m) => m.echarts));

/**
 * One chart. It is an image to assistive technology (`label` says what it shows; the table
 * under it has the figures); `data` becomes data attributes (e.g. the gauge's colour) that tests
 * and styles can read.
 */
export function Chart({
  option,
  label,
  height = 280,
  data = {},
}: {
  option: ChartOption;
  label: string;
  height?: number;
  data?: Readonly<Record<string, string>>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  useEffect(() => {
    let disposed = false;
    let chart: ReturnType<ECharts['init']> | undefined;
    const resize = () => chart?.resize();
    loadEcharts()
      .then((echarts) => {
        if (disposed || !ref.current) return;
        chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
        chart.setOption(option);
        window.addEventListener('resize', resize);
        setState('drawn');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div>
      <div
        ref={ref}
        role="img"
        aria-label={label}
        data-chart-state={state}
        {...attributes}
        style={{ width: '100%', height }}
      />
      {state === 'failed' && <p>图表未能加载，请查看下表中的数字。</p>}
    </div>
  );
}
