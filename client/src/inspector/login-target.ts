/** Where to go after logging in: only a path inside the inspector app (no open redirect). */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/inspectie') || value.startsWith('//')) return '/inspectie';
  if (value.startsWith('/inspectie/inloggen')) return '/inspectie';
  return value;
}

export const loginPath = (target: string) =>
  target === '/inspectie' ? '/inspectie/inloggen' : `/inspectie/inloggen?terug=${encodeURIComponent(target)}`;
