import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../shared/components/button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { SelectField } from '../../shared/components/select-field.js';
import type { CreateUserBody, User } from '../../../../shared/api/users.js';
import { createUser, usersKey } from '../api/users-api.js';

type Props = { open: boolean; onClose: () => void; onAdded: (email: string) => void };

export function AddUserDialog({ open, onClose, onAdded }: Props) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<User['role']>('inspecteur');
  const [errors, setErrors] = useState<{ name?: string; email?: string }>({});
  const create = useMutation({
    mutationFn: (input: CreateUserBody) => createUser(input),
    onSuccess: (_result, input) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      setName('');
      setEmail('');
      setRole('inspecteur');
      onAdded(input.email);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = 'Vul de naam in.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Vul een geldig e-mailadres in.';
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate({ name: name.trim(), email: email.trim(), role });
  }

  function close() {
    create.reset();
    setErrors({});
    onClose();
  }

  return (
    <Dialog
      open={open}
      title="Gebruiker toevoegen"
      onClose={close}
      footer={
        <>
          <Button onClick={close}>Annuleren</Button>
          <Button variant="primary" type="submit" form="add-user-form" busy={create.isPending}>
            Account aanmaken
          </Button>
        </>
      }
    >
      {create.isError && <ErrorMessage error={create.error} />}
      <form id="add-user-form" onSubmit={submit} noValidate>
        <Field
          label="Naam"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoComplete="off"
        />
        <Field
          label="E-mailadres"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
          hint="De gebruiker krijgt hier een e-mail om zelf een wachtwoord in te stellen (1 uur geldig)."
          autoComplete="off"
        />
        <SelectField label="Rol" value={role} onChange={(e) => setRole(e.target.value as User['role'])}>
          <option value="inspecteur">Inspecteur</option>
          <option value="beheerder">Beheerder</option>
        </SelectField>
      </form>
    </Dialog>
  );
}
