/** Stream ids of the grants service (API.md, "Audit"): the record's id in the API is the uuid. */
export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;
export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;
