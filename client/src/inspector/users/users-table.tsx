import { useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from '../../shared/api/describe-error.js';
import { useState } from 'react';
import { Button } from '../../shared/components/button.js';
import { ConfirmDialog } from '../../shared/components/confirm-dialog.js';
import { StatusBadge } from '../../shared/components/status-badge.js';
import { Table } from '../../shared/components/table.js';
import { formatDateTime } from '../../shared/format.js';
import { userRoles, type UpdateUserBody, type User } from '../../../../shared/api/users.js';
import { resetUserTotp, updateUser, usersKey } from '../api/users-api.js';
import type { NoticeMessage } from '../detail/notice.js';
import { roleLabel } from '../roles.js';

type Props = {
  users: User[];
  currentUserEmail: string | undefined;
  onNotice: (notice: NoticeMessage) => void;
};

export function UsersTable({ users, currentUserEmail, onNotice }: Props) {
  return (
    <Table
      stack
      caption="Gebruikers"
      head={
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">Rol</th>
          <th scope="col">Status</th>
          <th scope="col">Laatst ingelogd</th>
          <th scope="col">Acties</th>
        </tr>
      }
    >
      {users.map((user) => (
        <UserRow key={user.id} user={user} isSelf={user.email === currentUserEmail} onNotice={onNotice} />
      ))}
    </Table>
  );
}

type RowProps = { user: User; isSelf: boolean; onNotice: (notice: NoticeMessage) => void };

function UserRow({ user, isSelf, onNotice }: RowProps) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (change: UpdateUserBody) => updateUser(user.id, change),
    onSuccess: (_result, change) => {
      onNotice({
        tone: 'success',
        text:
          change.active === false
            ? `${user.name} is gedeactiveerd en overal uitgelogd.`
            : change.active === true
              ? `${user.name} is weer actief.`
              : `${user.name} is nu ${roleLabel(change.role ?? user.role).toLowerCase()}.`,
      });
    },
    onError: (error) => onNotice({ tone: 'info', text: `${user.name}: ${describeError(error)}` }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
  const [confirmReset, setConfirmReset] = useState(false);
  const resetTotp = useMutation({
    mutationFn: () => resetUserTotp(user.id),
    onSuccess: () => {
      setConfirmReset(false);
      onNotice({
        tone: 'success',
        text: `De tweestapsverificatie van ${user.name} is uitgezet. Bij de volgende keer inloggen is alleen het wachtwoord nodig.`,
      });
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
  const selectId = `role-${user.id}`;
  return (
    <tr>
      <td data-label="Naam">
        <span className="table__strong">{user.name}</span>
        {isSelf && <span className="table__secondary"> (uzelf)</span>}
        <div className="table__secondary">{user.email}</div>
      </td>
      <td data-label="Rol">
        <label className="visually-hidden" htmlFor={selectId}>
          Rol van {user.name}
        </label>
        <select
          id={selectId}
          className="field__input field__select field__input--compact"
          value={user.role}
          disabled={isSelf || update.isPending}
          onChange={(e) => update.mutate({ role: e.target.value as User['role'] })}
        >
          {userRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
        </select>
      </td>
      <td data-label="Status">
        {user.active ? (
          <StatusBadge tone="success" label="Actief" />
        ) : (
          <StatusBadge tone="neutral" label="Gedeactiveerd" />
        )}
        {user.totpEnabled && <div className="table__secondary">Tweestapsverificatie aan</div>}
      </td>
      <td data-label="Ingelogd" className="nowrap">
        {formatDateTime(user.lastLoginAt) || <span className="muted">Nooit</span>}
      </td>
      <td data-label="Acties">
        <div className="row-actions">
          {!isSelf && (
            <Button small busy={update.isPending} onClick={() => update.mutate({ active: !user.active })}>
              {user.active ? 'Deactiveren' : 'Activeren'}
              <span className="visually-hidden"> {user.name}</span>
            </Button>
          )}
          {!isSelf && user.totpEnabled && (
            <Button small onClick={() => setConfirmReset(true)}>
              Tweestaps resetten<span className="visually-hidden"> voor {user.name}</span>
            </Button>
          )}
        </div>
        <ConfirmDialog
          open={confirmReset}
          title={`Tweestapsverificatie van ${user.name} uitzetten?`}
          confirmLabel="Uitzetten"
          danger
          busy={resetTotp.isPending}
          error={resetTotp.error ?? undefined}
          onConfirm={() => resetTotp.mutate()}
          onCancel={() => {
            setConfirmReset(false);
            resetTotp.reset();
          }}
        >
          <p>
            Doe dit alleen als {user.name} de telefoon met de authenticator-app kwijt is en geen herstelcodes
            meer heeft. Daarna logt {user.name} in met alleen het wachtwoord en kan de tweestapsverificatie
            opnieuw aanzetten via &lsquo;Mijn account&rsquo;.
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
