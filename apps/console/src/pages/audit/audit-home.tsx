import { useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { AUDITED_SERVICES, SERVICE_LABELS, type AuditedService } from './audit-labels';
import { AuditFrame, recordPath } from './audit-parts';

const STREAM_ID = /^[a-z]+(?:-[a-z]+)?-[A-Za-z0-9._:-]+$/;

/** 审计: where an auditor starts: a person, a record, the logs' integrity, a chain of causes. */
export default function AuditHome() {
  const navigate = useNavigate();
  const [service, setService] = useState<AuditedService>('hardship-cases');
  const [streamId, setStreamId] = useState('');
  const bad = streamId.trim() !== '' && !STREAM_ID.test(streamId.trim());
  const card = (id: string, title: string) => ({
    role: 'region',
    'aria-labelledby': id,
    style: { height: '100%' },
    title: (
      <h2 id={id} style={{ fontSize: 16, margin: 0 }}>
        {title}
      </h2>
    ),
  });
  return (
    <AuditFrame title="审计">
      <Typography.Paragraph>
        审计只读不写：查看一个人在各项目中得到了什么、由谁决定、依据哪个政策版本，以及日志是否被改动过。每一次查看都记入访问日志。
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card {...card('audit-home-people', '人员时间线')}>
            <Typography.Paragraph>
              按身份证号码查看一个人在困难职工帮扶、金秋助学、医疗互助中的全部记录。
            </Typography.Paragraph>
            <Link to="/audit/people">查询人员时间线</Link>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card {...card('audit-home-record', '记录历史与回放')}>
            <Form
              layout="vertical"
              onFinish={() => !bad && streamId.trim() && void navigate(recordPath(service, streamId.trim()))}
            >
              <Form.Item label="业务系统" htmlFor="audit-home-service">
                <Select
                  id="audit-home-service"
                  value={service}
                  onChange={setService}
                  options={AUDITED_SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))}
                />
              </Form.Item>
              <Form.Item
                label="记录编号（如 case-…、claim-…、application-…）"
                htmlFor="audit-home-stream"
                validateStatus={bad ? 'error' : undefined}
                help={bad ? '记录编号由类型和编号组成，如 case-3f2b8c1e-…' : undefined}
              >
                <Input
                  id="audit-home-stream"
                  value={streamId}
                  onChange={(e) => setStreamId(e.target.value)}
                />
              </Form.Item>
              <Button htmlType="submit" disabled={bad || streamId.trim() === ''}>
                查看记录历史
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card {...card('audit-home-verify', '日志校验')}>
            <Typography.Paragraph>
              逐条核对各业务系统日志的哈希链与封存，发现任何改动或删除。
            </Typography.Paragraph>
            <Link to="/audit/verify">校验日志</Link>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card {...card('audit-home-trace', '因果追溯')}>
            <Typography.Paragraph>按关联编号查看一件事在各业务系统间引起的全部事件。</Typography.Paragraph>
            <Link to="/audit/trace">追溯因果链</Link>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card {...card('audit-home-access', '访问日志')}>
            <Typography.Paragraph>谁在何时查看了哪些个人信息。</Typography.Paragraph>
            <Link to="/audit/access-log">查看访问日志</Link>
          </Card>
        </Col>
      </Row>
    </AuditFrame>
  );
}
