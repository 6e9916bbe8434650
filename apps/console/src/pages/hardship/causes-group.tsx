import { Checkbox } from 'antd';
import { CAUSE_LABELS } from '../../format/labels';

type CheckboxGroupProps = Parameters<typeof Checkbox.Group>[0];

/**
 * 致困原因 as a labelled group of checkboxes. Form.Item hands its control `aria-required`, which
 * a group may not carry (axe: aria-allowed-attr); the requirement is on the label and the rule.
 */
export function CausesGroup({
  'aria-required': _required,
  ...props
}: CheckboxGroupProps & { 'aria-required'?: unknown }) {
  return (
    <Checkbox.Group
      {...props}
      role="group"
      aria-label="致困原因"
      options={Object.entries(CAUSE_LABELS).map(([value, label]) => ({ value, label }))}
    />
  );
}
