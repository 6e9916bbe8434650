import { Card } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** A card that is a labelled region (its h2 names it), as the accessibility rules ask. */
export function Region({
  id,
  title,
  extra,
  style,
  children,
}: {
  id: string;
  title: string;
  extra?: ReactNode;
  style?: CSSProperties;
  children: ReactNode;
}) {
  return (
    <Card
      role="region"
      aria-labelledby={id}
      title={
        <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
          {title}
        </h2>
      }
      extra={extra}
      style={{ marginBottom: 16, ...style }}
    >
      {children}
    </Card>
  );
}
