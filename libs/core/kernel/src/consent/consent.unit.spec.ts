import { CONSENT_DOCUMENT_REF_MAX_LENGTH, consentProblems, normaliseConsent } from './consent';

describe('consentProblems (DOMAIN.md §5, the one rule of both programmes)', () => {
  const on = '2026-03-02';
  const good = { documentRef: '郑工帮授〔2026〕0012号', signedOn: '2026-03-01' };
  const fields = (consent: unknown, rules: Partial<Parameters<typeof consentProblems>[1]> = {}) =>
    consentProblems(consent, { on, required: true, ...rules }).map((e) => e.field);

  it('accepts a filing reference signed on or before the day of opening', () => {
    expect(fields(good)).toEqual([]);
    expect(fields({ ...good, signedOn: on })).toEqual([]);
    expect(fields({ ...good, documentRef: 'x'.repeat(CONSENT_DOCUMENT_REF_MAX_LENGTH) })).toEqual([]);
  });

  it('requires it, except when told not to (a dry run)', () => {
    expect(fields(undefined)).toEqual(['consent']);
    expect(fields(null)).toEqual(['consent']);
    expect(fields(undefined, { required: false })).toEqual([]);
    expect(fields({ ...good, signedOn: '2026-03-03' }, { required: false })).toEqual(['consent.signedOn']);
  });

  it('names each bad member, under the path it is given', () => {
    expect(fields('授权书')).toEqual(['consent']);
    expect(fields([good])).toEqual(['consent']);
    expect(fields({})).toEqual(['consent.documentRef', 'consent.signedOn']);
    expect(fields({ documentRef: 7, signedOn: '2026-3-1' }, { field: 'parentConsent' })).toEqual([
      'parentConsent.documentRef',
      'parentConsent.signedOn',
    ]);
  });

  it('refuses a date after the opening, or no real date', () => {
    expect(fields({ ...good, signedOn: '2026-03-03' })).toEqual(['consent.signedOn']);
    expect(fields({ ...good, signedOn: '2026-02-29' })).toEqual(['consent.signedOn']);
  });

  it('refuses a reference that is blank, too long, or carries an identity number or a name', () => {
    expect(fields({ ...good, documentRef: '   ' })).toEqual(['consent.documentRef']);
    expect(fields({ ...good, documentRef: 'x'.repeat(CONSENT_DOCUMENT_REF_MAX_LENGTH + 1) })).toEqual([
      'consent.documentRef',
    ]);
    expect(fields({ ...good, documentRef: '授权-11010519491231002x' })).toEqual(['consent.documentRef']);
    expect(fields({ ...good, documentRef: '王建国授权书' }, { names: [' 王建国 '] })).toEqual([
      'consent.documentRef',
    ]);
    // A one-character "name" would refuse nearly everything: only names of two or more count.
    expect(fields(good, { names: ['号'] })).toEqual([]);
  });

  it('keeps the reference without surrounding blanks', () => {
    expect(normaliseConsent({ documentRef: '  A-1 ', signedOn: on })).toEqual({
      documentRef: 'A-1',
      signedOn: on,
    });
  });
});
