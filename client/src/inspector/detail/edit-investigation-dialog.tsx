import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../../shared/api/api-client.js';
import { Button } from '../../shared/components/button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { SelectField } from '../../shared/components/select-field.js';
import { investigationKeys, updateInvestigation } from '../api/investigations-api.js';
import {
  contactPersonListSchema,
  type InvestigationDetail,
  type UpdateInvestigationBody,
} from '../../../../shared/api/investigations.js';
import { endOfDayIso, toDateInput } from '../deadline.js';
import type { NoticeMessage } from './notice.js';

type Props = {
  investigation: InvestigationDetail;
  open: boolean;
  onClose: () => void;
  onNotice: (notice: NoticeMessage) => void;
};

const contactKeys = ['investigation-contacts'] as const;

/**
 * Deadline, open/closed and the contact person respondents are told to ask; municipality, approach and
 * year stay fixed once respondents are invited.
 */
export function EditInvestigationDialog({ investigation, open, onClose, onNotice }: Props) {
  const queryClient = useQueryClient();
  const [deadline, setDeadline] = useState(investigation.deadlineDay ?? toDateInput(investigation.deadline));
  const [status, setStatus] = useState(investigation.status);
  const [contactUserId, setContactUserId] = useState(investigation.contact?.id ?? '');
  const contacts = useQuery({
    queryKey: contactKeys,
    queryFn: ({ signal }) => apiRequest('/api/investigation-contacts', contactPersonListSchema, { signal }),
  });
  const save = useMutation({
    mutationFn: () => {
      const change: UpdateInvestigationBody = {
        deadline: deadline ? endOfDayIso(deadline) : null,
        status,
        ...(contactUserId && contactUserId !== investigation.contact?.id ? { contactUserId } : {}),
      };
      return updateInvestigation(investigation.id, change);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: investigationKeys.all });
      onNotice({ tone: 'success', text: 'De gegevens van het onderzoek zijn opgeslagen.' });
      onClose();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <Dialog
      open={open}
      title="Onderzoek wijzigen"
      onClose={() => {
        save.reset();
        onClose();
      }}
      footer={
        <>
          <Button onClick={onClose}>Annuleren</Button>
          <Button variant="primary" type="submit" form="edit-investigation" busy={save.isPending}>
            Opslaan
          </Button>
        </>
      }
    >
      {save.isError && <ErrorMessage error={save.error} />}
      <form id="edit-investigation" onSubmit={submit} noValidate>
        <Field
          label="Deadline voor de respondenten"
          type="date"
          optional
          hint="Respondenten lezen ‘uiterlijk’ deze datum. Herinneringen volgen deze datum. Leeg laten: geen deadline."
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          className="field--medium"
        />
        <SelectField
          label="Contactpersoon voor respondenten"
          value={contactUserId}
          onChange={(e) => setContactUserId(e.target.value)}
          hint="Naam en e-mailadres staan in elke e-mail aan de respondenten en op hun bevestigingspagina."
          disabled={!contacts.data}
        >
          {!investigation.contact && <option value="">Algemeen contact van STJ</option>}
          {contacts.data?.items.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </SelectField>
        {contacts.isError && <ErrorMessage error={contacts.error} onRetry={() => void contacts.refetch()} />}
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value === 'closed' ? 'closed' : 'open')}
          hint="Een afgesloten onderzoek blijft zichtbaar onder het filter ‘Afgesloten’."
        >
          <option value="open">Lopend</option>
          <option value="closed">Afgesloten</option>
        </SelectField>
      </form>
    </Dialog>
  );
}
