import { cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/** antd's page arrows are named by their icons ("left", "right"): name them in Chinese. */
export const chineseArrows = (_page: number, type: string, element: ReactNode): ReactNode =>
  (type === 'prev' || type === 'next') && isValidElement(element)
    ? cloneElement(element as ReactElement<{ 'aria-label'?: string }>, {
        'aria-label': type === 'prev' ? '上一页' : '下一页',
      })
    : element;
