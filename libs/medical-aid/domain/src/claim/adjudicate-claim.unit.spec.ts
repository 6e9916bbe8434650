import { aPeriod, enrolled, paidClaim, PERIOD_ID, PERSON_REF, submitted } from '../testing/fixtures';
import { given } from '../testing/given-when-then';
import { membershipAfter } from '../testing/membership-state';
import type { ApproveClaim, PayClaim, RejectClaim } from './adjudicate-claim.command';
import { claimDecider } from './claim.decider';
import type { ClaimEvent } from './claim.events';

const approve = (overrides: Partial<ApproveClaim> = {}): ApproveClaim => ({
  type: 'ApproveClaim',
  claimId: 'claim-1',
  period: aPeriod(),
  membership: membershipAfter(enrolled()),
  approvedBy: 'reviewer-1',
  approvedAt: '2024-03-25T02:00:00.000Z',
  ...overrides,
});
const reject = (overrides: Partial<RejectClaim> = {}): RejectClaim => ({
  type: 'RejectClaim',
  claimId: 'claim-1',
  reason: 'The bill is not itemised.',
  rejectedBy: 'reviewer-1',
  rejectedAt: '2024-03-25T02:00:00.000Z',
  ...overrides,
});
const pay = (overrides: Partial<PayClaim> = {}): PayClaim => ({
  type: 'PayClaim',
  claimId: 'claim-1',
  paymentRef: 'BANK-991',
  paidOn: '2024-03-28',
  today: '2024-03-28',
  paidBy: 'caseworker-2',
  paidAt: '2024-03-28T03:00:00.000Z',
  ...overrides,
});

const approvedEvents = (): ClaimEvent[] => [
  submitted(),
  ...given(claimDecider, [submitted()]).when(approve()).events(),
];

describe('ApproveClaim', () => {
  it('approves with the quote computed again', () => {
    const { quote } = submitted().data;
    given(claimDecider, [submitted()])
      .when(approve())
      .thenEmits([
        {
          type: 'ClaimApproved',
          data: {
            claimId: 'claim-1',
            quote,
            eligibleLoweredFromFen: null,
            reason: null,
            approvedBy: 'reviewer-1',
            approvedAt: '2024-03-25T02:00:00.000Z',
          },
        },
      ]);
  });

  it('quotes against the cap left at approval, not at submission', () => {
    const membership = membershipAfter(enrolled(), ...paidClaim('c-0', 19_000_000, 18_800_000));
    given(claimDecider, [submitted()])
      .when(approve({ membership }))
      .thenEmitsMatching([{ data: { quote: { payoutFen: 1_200_000, capAppliedFen: 800_000 } } }]);
  });

  it('refuses an approval by the caseworker who submitted the claim (four eyes)', () => {
    given(claimDecider, [submitted()])
      .when(approve({ approvedBy: 'caseworker-1' }))
      .thenFails('SAME_ACTOR');
  });

  it('lowers the eligible amount with a reason and records what it was', () => {
    given(claimDecider, [submitted()])
      .when(approve({ eligibleFen: 3_000_000, reason: ' Two days were not medically necessary. ' }))
      .thenEmitsMatching([
        {
          data: {
            quote: { eligibleFen: 3_000_000, payoutFen: 1_500_000 },
            eligibleLoweredFromFen: 4_000_000,
            reason: 'Two days were not medically necessary.',
          },
        },
      ]);
  });

  it('refuses a lowered amount without a reason, or one above the computed eligible amount', () => {
    given(claimDecider, [submitted()])
      .when(approve({ eligibleFen: 3_000_000 }))
      .thenFails('VALIDATION_FAILED', {
        errors: [{ field: 'reason', message: 'is required when the eligible amount is lowered' }],
      });
    given(claimDecider, [submitted()])
      .when(approve({ eligibleFen: 4_000_001, reason: 'more' }))
      .thenFails('VALIDATION_FAILED', { errors: [expect.objectContaining({ field: 'eligibleFen' })] });
  });

  it('approves only a submitted claim', () => {
    given(claimDecider).when(approve()).thenFails('NOT_FOUND');
    given(claimDecider, approvedEvents())
      .when(approve({ approvedBy: 'reviewer-2' }))
      .thenFails('CONFLICT', { details: { status: 'approved' } });
  });

  it('refuses a membership of another person', () => {
    given(claimDecider, [submitted()])
      .when(approve({ membership: membershipAfter(enrolled({ personRef: 'b'.repeat(64) })) }))
      .thenFails('CONFLICT');
  });
});

describe('RejectClaim', () => {
  it('rejects a submitted claim with its reason', () => {
    given(claimDecider, [submitted()])
      .when(reject())
      .thenEmits([
        {
          type: 'ClaimRejected',
          data: {
            claimId: 'claim-1',
            reason: 'The bill is not itemised.',
            rejectedBy: 'reviewer-1',
            rejectedAt: '2024-03-25T02:00:00.000Z',
          },
        },
      ]);
  });

  it('requires a reason', () => {
    given(claimDecider, [submitted()])
      .when(reject({ reason: '  ' }))
      .thenFails('VALIDATION_FAILED', {
        errors: [expect.objectContaining({ field: 'reason' })],
      });
  });

  it('cannot reject an approved claim', () => {
    given(claimDecider, approvedEvents()).when(reject()).thenFails('CONFLICT');
  });
});

describe('PayClaim', () => {
  it('pays the approved payout, carrying what the integration event needs', () => {
    given(claimDecider, approvedEvents())
      .when(pay())
      .thenEmits([
        {
          type: 'ClaimPaid',
          data: {
            claimId: 'claim-1',
            periodId: PERIOD_ID,
            personRef: PERSON_REF,
            unitId: 'unit-7',
            outOfPocketFen: 4_100_000,
            payoutFen: 2_000_000,
            paymentRef: 'BANK-991',
            paidOn: '2024-03-28',
            paidBy: 'caseworker-2',
            paidAt: '2024-03-28T03:00:00.000Z',
          },
        },
      ]);
  });

  it('pays only an approved claim, once', () => {
    given(claimDecider, [submitted()])
      .when(pay())
      .thenFails('CONFLICT', { details: { status: 'submitted' } });
    const paid = [...approvedEvents(), ...given(claimDecider, approvedEvents()).when(pay()).events()];
    given(claimDecider, paid)
      .when(pay())
      .thenFails('CONFLICT', { details: { status: 'paid' } });
  });

  it('requires a payment reference and a payment date not after today', () => {
    const error = given(claimDecider, approvedEvents())
      .when(pay({ paymentRef: '', paidOn: '2024-03-29' }))
      .thenFails('VALIDATION_FAILED');
    expect(error.errors?.map((e) => e.field)).toEqual(['paymentRef']);
    given(claimDecider, approvedEvents())
      .when(pay({ paidOn: '2024-03-29' }))
      .thenFails('VALIDATION_FAILED', {
        errors: [{ field: 'paidOn', message: 'must not be after today (2024-03-28)' }],
      });
  });
});
