import { Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';

/** A lazily loaded screen with the spinner shown while its chunk arrives. */
export const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 64 }} tip="正在加载" />}>{node}</Suspense>
);
