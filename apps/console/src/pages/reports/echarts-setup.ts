// ECharts as 统计报表 uses it: `echarts/core` with only the charts and components drawn here and
// the SVG renderer. Imported by name so the build keeps nothing else, and only ever loaded
// lazily (`await import('./echarts-setup')` in ./chart.tsx), never with a screen's first JS.
import { BarChart, GaugeChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([GaugeChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export { echarts };
