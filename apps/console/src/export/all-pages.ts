/** The largest page the API gives (API.md: `pageSize` at most 500). */
export const MAX_PAGE_SIZE = 500;

/**
 * Every item of a paged list, page by page (an export holds the whole list, not the page on
 * screen). Stops at `limit` items so a runaway list cannot hang the browser.
 */
export async function allPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: readonly T[]; total: number }>,
  limit = 50_000,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await fetchPage(page, MAX_PAGE_SIZE);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total || items.length >= limit) return items;
  }
}
