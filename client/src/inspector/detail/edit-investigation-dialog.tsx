import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '../../shared/components/button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { SelectField } from '../../shared/components/select-field.js';
import { investigationKeys, updateInvestigation } from '../api/investigations-api.js';
import type { InvestigationDetail } from '../../../../shared/api/investigations.js';
import { endOfDayIso, toDateInput } from '../deadline.js';
import type { NoticeMessage } from './notice.js';

type Props = {
  investigation: InvestigationDetail;
  open: boolean;
  onClose: () => void;
  onNotice: (notice: NoticeMessage) => void;
};

/** Deadline and open/closed; municipality, approach and year stay fixed once respondents are invited. */
export function EditInvestigationDialog({ investigation, open, onClose, onNotice }: Props) {
  const queryClient = useQueryClient();
  const [deadline, setDeadline] = useState(toDateInput(investigation.deadline));
  const [status, setStatus] = useState(investigation.status);
  const save = useMutation({
    mutationFn: () =>
      updateInvestigation(investigation.id, { deadline: deadline ? endOfDayIso(deadline) : null, status }),
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
          hint="Herinneringen volgen deze datum. Leeg laten: geen deadline."
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          className="field--medium"
        />
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
