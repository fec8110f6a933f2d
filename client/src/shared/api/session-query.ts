/** One cache key for the session: the API client reads the CSRF token from it, the layout the user. */
export const sessionQueryKey = ['session'] as const;
