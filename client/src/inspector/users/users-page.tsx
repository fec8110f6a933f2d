import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { listUsers, usersKey } from '../api/users-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { Notice, type NoticeMessage } from '../detail/notice.js';
import { useSession } from '../use-session.js';
import { AddUserDialog } from './add-user-dialog.js';
import { UsersTable } from './users-table.js';

export function UsersPage() {
  const session = useSession();
  const users = useQuery({ queryKey: usersKey, queryFn: ({ signal }) => listUsers(signal) });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | undefined>();

  if (session.data && session.data.user.role !== 'beheerder') {
    return (
      <>
        <PageHeading title="Gebruikers" />
        <p>Alleen beheerders kunnen accounts beheren.</p>
      </>
    );
  }

  return (
    <>
      <div className="page-head">
        <PageHeading title="Gebruikers" />
        <Button variant="primary" onClick={() => setAdding(true)}>
          <span aria-hidden="true">+ </span>Gebruiker toevoegen
        </Button>
      </div>
      <p className="lead">
        Inspecteurs maken en volgen onderzoeken; beheerders beheren daarnaast de accounts.
      </p>
      <Notice message={notice} onDismiss={() => setNotice(undefined)} />
      {users.isPending && <SkeletonRows rows={4} label="Gebruikers worden geladen…" />}
      {users.isError && (
        <ErrorMessage
          title="De gebruikers konden niet worden geladen"
          error={users.error}
          onRetry={() => void users.refetch()}
        />
      )}
      {users.data && (
        <UsersTable
          users={users.data.items}
          currentUserEmail={session.data?.user.email}
          onNotice={setNotice}
        />
      )}
      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(email) => {
          setAdding(false);
          setNotice({
            tone: 'success',
            text: `Het account is aangemaakt. ${email} krijgt een e-mail om een wachtwoord in te stellen.`,
          });
        }}
      />
    </>
  );
}
