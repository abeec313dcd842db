/** One page of a listing: `page` counts from 0, `page_size` defaults to 100, as in the API. */
export function pageOf<T>(items: T[], query: { page?: number | null; page_size?: number | null }): T[] {
  const page = query.page ?? 0;
  const size = query.page_size ?? 100;
  return items.slice(page * size, (page + 1) * size);
}
