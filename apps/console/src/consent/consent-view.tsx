import { Descriptions, Typography } from 'antd';
import { formatDate } from '../format/date';

type RecordedConsent = { documentRef: string; signedOn: string } | null;

/** What a record says of its consent: null for one opened before the authorisation was required. */
export const NO_CONSENT = '未登记（建立于要求授权书之前）';

/**
 * The consent as items of a record's Descriptions (an array, so antd reads each Item): 授权书编号
 * and 签署日期, or that none was recorded.
 */
export function consentDescriptionItems(consent: RecordedConsent, whose: string) {
  if (!consent) {
    return [
      <Descriptions.Item key="consent" label={`${whose}授权书`}>
        {NO_CONSENT}
      </Descriptions.Item>,
    ];
  }
  return [
    <Descriptions.Item key="consent-ref" label={`${whose}授权书编号`}>
      {consent.documentRef}
    </Descriptions.Item>,
    <Descriptions.Item key="consent-signed" label="授权书签署日期">
      {formatDate(consent.signedOn)}
    </Descriptions.Item>,
  ];
}

/** The consent in a table cell: the reference, and the day it was signed beneath it. */
export function ConsentCell({ consent }: { consent: RecordedConsent }) {
  if (!consent) return <Typography.Text type="secondary">{NO_CONSENT}</Typography.Text>;
  return (
    <>
      <div>{consent.documentRef}</div>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(consent.signedOn)}签署
      </Typography.Text>
    </>
  );
}
