import { homeFor, menuFor, selectedKey } from './menu';

describe('the side menu', () => {
  it('shows a caseworker their screens and no admin or audit entry', () => {
    const keys = menuFor(['caseworker']).map((e) => e.key);
    expect(keys).toContain('/workbench');
    expect(keys).not.toContain('/admin');
    expect(keys).not.toContain('/audit');
    expect(keys).not.toContain('/approvals');
  });

  it('lands each role on its own first screen', () => {
    expect(homeFor(['caseworker'])).toBe('/workbench');
    expect(homeFor(['reviewer'])).toBe('/approvals');
    expect(homeFor(['admin'])).toBe('/admin/policies');
    expect(homeFor(['auditor'])).toBe('/audit');
    expect(homeFor(['reviewer', 'caseworker'])).toBe('/workbench');
  });

  it('highlights the deepest entry a path is in', () => {
    expect(selectedKey('/cases/abc', ['caseworker'])).toBe('/cases');
    expect(selectedKey('/admin/periods', ['admin'])).toBe('/admin/periods');
    expect(selectedKey('/nowhere', ['caseworker'])).toBeUndefined();
  });
});
