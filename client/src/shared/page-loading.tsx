/**
 * Shown while a lazily loaded route's code arrives on the first page load. Static (the router needs it
 * before the lazy module is there) and tiny, so it adds nothing noticeable to the main bundle.
 */
export function PageLoading() {
  return (
    <div className="page" role="status">
      Bezig met laden…
    </div>
  );
}
