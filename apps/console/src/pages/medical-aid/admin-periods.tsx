import { Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PeriodTable } from './period-list';
import { Region } from './region';

/** 管理 > 互助期次: the periods opened so far, and opening the next. */
export default function AdminPeriods() {
  const navigate = useNavigate();
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          互助期次
        </Typography.Title>
        <Button type="primary" onClick={() => void navigate('/admin/periods/new')}>
          开设新期次
        </Button>
      </Space>
      <Region id="admin-periods-title" title="已开设的期次">
        <PeriodTable base="/admin/periods" />
      </Region>
    </>
  );
}
