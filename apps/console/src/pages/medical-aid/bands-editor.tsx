import { Button, Checkbox, Form, Input } from 'antd';
import type { BandValues } from './period-form-values';

const cell = { padding: '4px 8px', verticalAlign: 'top' } as const;

/**
 * A period's bands as a small editable table (CONSOLE.md, "Admin"): each row's upper bound in
 * yuan above the deductible (or 无上限) and its ratio in percent. `label` names the table (住院,
 * 大病) in every input's accessible name.
 */
export function BandsEditor({ name, label }: { name: 'inpatientBands' | 'seriousBands'; label: string }) {
  const form = Form.useFormInstance();
  const rows = (Form.useWatch(name, form) as BandValues[] | undefined) ?? [];
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <table style={{ borderCollapse: 'collapse', marginBottom: 8 }} aria-label={`${label}分段`}>
            <thead>
              <tr>
                <th style={cell} scope="col">
                  分段
                </th>
                <th style={cell} scope="col">
                  上限（元）
                </th>
                <th style={cell} scope="col">
                  无上限
                </th>
                <th style={cell} scope="col">
                  比例（%）
                </th>
                <th style={cell} scope="col">
                  操作
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field, i) => {
                const unlimited = rows[i]?.unlimited === true;
                const what = `${label}第 ${i + 1} 段`;
                return (
                  <tr key={field.key}>
                    <td style={cell}>第 {i + 1} 段</td>
                    <td style={cell}>
                      <Form.Item name={[field.name, 'upto']} style={{ margin: 0 }}>
                        <Input
                          aria-label={`${what}上限（元）`}
                          style={{ width: 160 }}
                          inputMode="decimal"
                          disabled={unlimited}
                          placeholder={unlimited ? '无上限' : undefined}
                        />
                      </Form.Item>
                    </td>
                    <td style={cell}>
                      <Form.Item
                        name={[field.name, 'unlimited']}
                        valuePropName="checked"
                        style={{ margin: 0 }}
                      >
                        <Checkbox aria-label={`${what}无上限`}>无上限</Checkbox>
                      </Form.Item>
                    </td>
                    <td style={cell}>
                      <Form.Item name={[field.name, 'ratio']} style={{ margin: 0 }}>
                        <Input aria-label={`${what}比例（%）`} style={{ width: 100 }} inputMode="decimal" />
                      </Form.Item>
                    </td>
                    <td style={cell}>
                      <Button type="link" disabled={fields.length <= 1} onClick={() => remove(field.name)}>
                        删除{what}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Button
            onClick={() => add({ upto: '', unlimited: false, ratio: '' }, Math.max(0, fields.length - 1))}
          >
            添加{label}分段
          </Button>
        </>
      )}
    </Form.List>
  );
}
