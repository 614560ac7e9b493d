/**
 * One chart. ECharts is imported when the first chart mounts, then reused; the chart
 * follows its box's size and is disposed with the component.
 */
import type { ECElementEvent, ECharts, EChartsCoreOption } from 'echarts/core';
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (event: ECElementEvent) => void;
  testId?: string;
  label: string;
}

export function EChart({ option, height = 300, onClick, testId, label }: Props) {
  const { t } = useTranslation('dashboard');
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);

  useEffect(() => {
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    let gone = false;
    void import('./echarts.ts').then(({ echarts }) => {
      if (gone || !box.current) return;
      const el = box.current;
      instance = echarts.init(el, undefined, { renderer: 'canvas' });
      // Marks the first finished drawing (animations done), for screenshots and tests.
      instance.on('finished', () => {
        el.dataset.drawn = 'true';
      });
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(box.current);
      setChart(instance);
    });
    return () => {
      gone = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onClick) return;
    chart.on('click', onClick);
    return () => {
      chart.off('click', onClick);
    };
  }, [chart, onClick]);

  return (
    <div style={{ position: 'relative', height }} role="img" aria-label={label}>
      <div ref={box} style={{ height, cursor: onClick ? 'pointer' : undefined }} data-testid={testId} data-ready={chart ? 'true' : 'false'} />
      {!chart && (
        <div style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center' }}>
          <Spin tip={t('charts.loading')} />
        </div>
      )}
    </div>
  );
}
