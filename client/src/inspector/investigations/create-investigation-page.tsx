import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { createInvestigation, investigationKeys } from '../api/investigations-api.js';
import { endOfDayIso } from '../deadline.js';
import { PageHeading } from '../layout/page-heading.js';
import { ErrorSummary } from '../error-summary.js';
import {
  validateInvestigation,
  type InvestigationErrors,
  type InvestigationForm,
} from './validate-investigation.js';

const fieldLabels: Record<keyof InvestigationForm, string> = {
  municipality: 'Gemeente',
  approach: 'Aanpak',
  year: 'Jaar',
  deadline: 'Deadline voor de respondenten',
};

export function CreateInvestigationPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<InvestigationForm>({
    municipality: '',
    approach: '',
    year: String(new Date().getFullYear()),
    deadline: '',
  });
  const [errors, setErrors] = useState<InvestigationErrors>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const create = useMutation({
    mutationFn: createInvestigation,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: investigationKeys.all });
      void navigate(`/inspectie/onderzoeken/${created.id}`, { state: { created: true } });
    },
  });

  const update = (name: keyof InvestigationForm) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [name]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateInvestigation(form);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      window.setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    create.mutate({
      municipality: form.municipality.trim(),
      approach: form.approach.trim(),
      year: Number(form.year),
      ...(form.deadline ? { deadline: endOfDayIso(form.deadline) } : {}),
    });
  }

  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to="/inspectie">Onderzoeken</Link>
      </p>
      <PageHeading title="Nieuw onderzoek" />
      <p className="lead">
        Een onderzoek hoort bij één gemeente en één aanpak in een jaar. Respondenten voegt u daarna toe.
      </p>
      <ErrorSummary ref={summaryRef} errors={errors} labels={fieldLabels} />
      {create.isError && <ErrorMessage title="Het onderzoek is niet aangemaakt" error={create.error} />}
      <form onSubmit={submit} noValidate className="form">
        <Field
          name="municipality"
          label={fieldLabels.municipality}
          hint="Bijvoorbeeld: Venlo"
          value={form.municipality}
          onChange={update('municipality')}
          error={errors.municipality}
          autoComplete="off"
        />
        <Field
          name="approach"
          label={fieldLabels.approach}
          hint="De naam van de aanpak voor gezinnen met geringe sociale redzaamheid, bijvoorbeeld: Sociale wijkteams"
          value={form.approach}
          onChange={update('approach')}
          error={errors.approach}
          autoComplete="off"
        />
        <Field
          name="year"
          label={fieldLabels.year}
          inputMode="numeric"
          value={form.year}
          onChange={update('year')}
          error={errors.year}
          className="field--short"
        />
        <Field
          name="deadline"
          type="date"
          label={fieldLabels.deadline}
          optional
          hint="Tot wanneer de gemeente en netwerkpartners de vragenlijst kunnen invullen. Herinneringen volgen deze datum."
          value={form.deadline}
          onChange={update('deadline')}
          error={errors.deadline}
          className="field--medium"
        />
        <div className="form__actions">
          <Button type="submit" variant="primary" busy={create.isPending}>
            Onderzoek aanmaken
          </Button>
          <Link className="btn btn--secondary" to="/inspectie">
            Annuleren
          </Link>
        </div>
      </form>
    </div>
  );
}
