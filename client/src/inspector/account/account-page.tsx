import { PageHeading } from '../layout/page-heading.js';
import { roleLabel } from '../roles.js';
import { useSession } from '../use-session.js';
import { TotpSection } from './totp-section.js';

export function AccountPage() {
  const session = useSession();
  const user = session.data?.user;
  return (
    <div className="narrow">
      <PageHeading title="Mijn account" />
      {user && (
        <>
          <dl className="facts">
            <div>
              <dt>Naam</dt>
              <dd>{user.name ?? '—'}</dd>
            </div>
            <div>
              <dt>E-mailadres</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>Rol</dt>
              <dd>{roleLabel(user.role)}</dd>
            </div>
          </dl>
          <TotpSection enabled={user.totpEnabled === true} />
        </>
      )}
    </div>
  );
}
