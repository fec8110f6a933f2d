import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Review } from '../../../../shared/api/review.js';
import { Button } from '../../shared/components/button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { Field } from '../../shared/components/field.js';
import { SelectField } from '../../shared/components/select-field.js';
import { investigationKeys, listInvestigations } from '../api/investigations-api.js';
import { createFollowUp } from '../api/review-api.js';
import { describeReviewError } from './review-errors.js';
import { Alert } from '../../shared/components/alert.js';

type Props = { review: Review; open: boolean; onClose: () => void };

/**
 * A follow-up round asks only the improvement points again; a second baseline of the same municipality
 * (another approach) can be combined into one follow-up, as Almere did.
 */
export function FollowUpDialog({ review, open, onClose }: Props) {
  const navigate = useNavigate();
  const { investigation } = review;
  const [year, setYear] = useState(String(investigation.year + 1));
  const [approach, setApproach] = useState('');
  const [deadline, setDeadline] = useState('');
  const [combineWith, setCombineWith] = useState('');
  const [yearError, setYearError] = useState('');
  const filters = { q: investigation.municipality };
  const others = useQuery({
    queryKey: investigationKeys.list(filters),
    queryFn: ({ signal }) => listInvestigations(filters, signal),
    enabled: open,
  });
  const candidates = (others.data?.items ?? []).filter(
    (i) => i.id !== investigation.id && i.municipality === investigation.municipality,
  );
  const create = useMutation({
    mutationFn: () =>
      createFollowUp(investigation.id, {
        year: Number(year),
        ...(approach.trim() ? { approach: approach.trim() } : {}),
        ...(deadline ? { deadline } : {}),
        ...(combineWith ? { combineWith } : {}),
      }),
    onSuccess: (result) => void navigate(`/inspectie/onderzoeken/${result.id}`),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = Number(year);
    if (!Number.isInteger(value) || value < 2000 || value > 2100) {
      setYearError('Vul een jaar in tussen 2000 en 2100.');
      return;
    }
    setYearError('');
    create.mutate();
  }

  return (
    <Dialog
      open={open}
      title="Vervolgonderzoek starten"
      onClose={() => {
        create.reset();
        onClose();
      }}
      footer={
        <>
          <Button onClick={onClose}>Annuleren</Button>
          <Button variant="primary" type="submit" form="follow-up" busy={create.isPending}>
            Vervolgonderzoek starten
          </Button>
        </>
      }
    >
      {create.isError && (
        <Alert tone="error" role="alert">
          <p className="alert__text">{describeReviewError(create.error)}</p>
        </Alert>
      )}
      <p>
        Het vervolgonderzoek vraagt alleen de verbeterpunten uit de gepubliceerde factsheet opnieuw, aan
        dezelfde gemeente.
      </p>
      <form id="follow-up" onSubmit={submit} noValidate>
        <Field
          label="Jaar"
          type="number"
          inputMode="numeric"
          className="field--short"
          value={year}
          error={yearError || undefined}
          onChange={(e) => setYear(e.target.value)}
        />
        <Field
          label="Naam van de aanpak"
          optional
          hint={`Leeg laten: ${investigation.approach}.`}
          value={approach}
          onChange={(e) => setApproach(e.target.value)}
        />
        <Field
          label="Deadline voor de respondenten"
          type="date"
          optional
          className="field--medium"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <SelectField
          label="Combineren met een tweede nulmeting"
          hint="Een ander onderzoek van dezelfde gemeente waarvan de verbeterpunten ook terugkomen."
          value={combineWith}
          onChange={(e) => setCombineWith(e.target.value)}
        >
          <option value="">Niet combineren</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.year} — {c.approach}
            </option>
          ))}
        </SelectField>
      </form>
    </Dialog>
  );
}
