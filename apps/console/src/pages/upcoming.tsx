import { Result } from 'antd';

/** A menu entry whose screens come in a later version. */
export default function Upcoming({ title, missing = false }: { title: string; missing?: boolean }) {
  return (
    <Result
      status={missing ? '404' : 'info'}
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{title}</h1>}
      subTitle={missing ? '您访问的页面不存在' : '该功能正在建设中，将在后续版本中提供'}
    />
  );
}
