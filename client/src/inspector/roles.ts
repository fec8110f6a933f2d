export const roleLabel = (role: string): string =>
  role === 'beheerder' ? 'Beheerder' : role === 'inspecteur' ? 'Inspecteur' : role;
