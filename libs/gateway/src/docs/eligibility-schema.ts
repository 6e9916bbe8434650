import type { Schema } from './openapi-parts';

/**
 * `GET /api/v1/{grants,medical-aid}/eligibility/{idNumber}` (docs/api-changes.md): what decides
 * a grant or an enrollment, for any caseworker; the hardship case's id (possibly another unit's
 * record) only for readers of every unit (docs/security-scoping.md).
 */
export const ELIGIBILITY_SCHEMAS: Readonly<Record<string, Schema>> = {
  Eligibility: {
    type: 'object',
    required: ['idNumberMasked', 'hasOpenCase', 'tier'],
    properties: {
      idNumberMasked: { type: 'string', example: '630102********0013' },
      hasOpenCase: { type: 'boolean', description: 'The person holds an open hardship case (in any unit)' },
      tier: {
        type: 'string',
        enum: ['deep', 'relative', 'emergency'],
        nullable: true,
        description: "The open case's tier; null without an open case",
      },
      caseId: {
        type: 'string',
        nullable: true,
        description:
          'The latest hardship case of the person (null: none known). Only for auditors and tokens for every unit ("*"); absent for everyone else, whose unit may not be the case\'s',
      },
    },
  },
};
