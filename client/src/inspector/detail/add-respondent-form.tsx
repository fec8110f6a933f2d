import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { addRespondent, investigationKeys } from '../api/investigations-api.js';
import type { InvestigationDetail } from '../../../../shared/api/investigations.js';
import type { AddRespondentBody } from '../../../../shared/api/respondents.js';
import { LinkDialog, type IssuedLink } from './link-dialog.js';
import type { NoticeMessage } from './notice.js';
import { Alert } from '../../shared/components/alert.js';

type Props = { investigation: InvestigationDetail; onNotice: (notice: NoticeMessage) => void };
type Role = AddRespondentBody['role'];
type Errors = { organisation?: string; email?: string };

const maxPartners = 3;

export function AddRespondentForm({ investigation, onNotice }: Props) {
  const queryClient = useQueryClient();
  const hasGemeente = investigation.respondents.some((r) => r.role === 'gemeente');
  const partners = investigation.respondents.filter((r) => r.role === 'netwerkpartner').length;
  const defaultRole: Role = hasGemeente ? 'netwerkpartner' : 'gemeente';
  const [role, setRole] = useState<Role>(defaultRole);
  const [organisation, setOrganisation] = useState(
    hasGemeente ? '' : `Gemeente ${investigation.municipality}`,
  );
  const [contactName, setContactName] = useState('');
  const [email, setEmail] = useState('');
  const [invite, setInvite] = useState(true);
  const [errors, setErrors] = useState<Errors>({});
  const [issued, setIssued] = useState<IssuedLink | undefined>();

  const add = useMutation({
    mutationFn: (input: AddRespondentBody) => addRespondent(investigation.id, input),
    onSuccess: (created, input) => {
      setIssued({
        organisation: input.organisation,
        link: created.link,
        replacesOld: false,
        mailed: Boolean(input.invite),
      });
      onNotice({
        tone: 'success',
        text: input.invite
          ? `${input.organisation} is toegevoegd en uitgenodigd via ${input.email}.`
          : `${input.organisation} is toegevoegd. Verstuur de uitnodiging wanneer u wilt.`,
      });
      setRole('netwerkpartner');
      setOrganisation('');
      setContactName('');
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: investigationKeys.detail(investigation.id) });
      void queryClient.invalidateQueries({ queryKey: investigationKeys.audit(investigation.id) });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });

  if (hasGemeente && partners >= maxPartners) {
    return (
      <p className="section__note">
        Dit onderzoek heeft de gemeente en {maxPartners} netwerkpartners: meer respondenten kunnen niet worden
        toegevoegd.
      </p>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!organisation.trim()) found.organisation = 'Vul de naam van de organisatie in.';
    if (!email.trim()) found.email = 'Vul het e-mailadres van de contactpersoon in.';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.email = 'Vul een geldig e-mailadres in, zoals naam@gemeente.nl.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({
      role,
      organisation: organisation.trim(),
      email: email.trim(),
      invite,
      ...(contactName.trim() ? { contactName: contactName.trim() } : {}),
    });
  }

  const limitError = add.isError && isApiError(add.error) && add.error.code === 'respondent_limit';

  return (
    <>
      <details className="add-respondent" open={!hasGemeente}>
        <summary>
          <span aria-hidden="true">+ </span>
          {hasGemeente ? 'Netwerkpartner toevoegen' : 'Gemeente toevoegen'}
        </summary>
        <form className="form add-respondent__form" onSubmit={submit} noValidate>
          <fieldset className="radios">
            <legend className="field__label">Soort respondent</legend>
            <label className="radio">
              <input
                type="radio"
                name="role"
                value="gemeente"
                checked={role === 'gemeente'}
                disabled={hasGemeente}
                onChange={() => setRole('gemeente')}
              />
              Gemeente (volledige vragenlijst)
            </label>
            <label className="radio">
              <input
                type="radio"
                name="role"
                value="netwerkpartner"
                checked={role === 'netwerkpartner'}
                onChange={() => setRole('netwerkpartner')}
              />
              Netwerkpartner (korte vragenlijst; {maxPartners - partners} van {maxPartners} plaatsen vrij)
            </label>
          </fieldset>
          {limitError && (
            <Alert tone="error" role="alert">
              <p className="alert__text">
                {role === 'gemeente'
                  ? 'Dit onderzoek heeft al een gemeente als respondent. Per onderzoek vult één gemeente de vragenlijst in.'
                  : `Dit onderzoek heeft al ${maxPartners} netwerkpartners. Meer dan ${maxPartners} netwerkpartners per onderzoek is niet mogelijk.`}
              </p>
            </Alert>
          )}
          {add.isError && !limitError && (
            <ErrorMessage title="De respondent is niet toegevoegd" error={add.error} />
          )}
          <div className="form__grid">
            <Field
              label="Organisatie"
              name="organisation"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              error={errors.organisation}
              autoComplete="organization"
            />
            <Field
              label="Contactpersoon"
              name="contactName"
              optional
              value={contactName}
              onChange={(e) => setContactName(e.target.value)}
              autoComplete="name"
            />
            <Field
              label="E-mailadres"
              name="email"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errors.email}
              autoComplete="email"
            />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
            Uitnodiging met de persoonlijke link direct per e-mail versturen
          </label>
          <div className="form__actions">
            <Button type="submit" variant="primary" busy={add.isPending}>
              {role === 'gemeente' ? 'Gemeente toevoegen' : 'Netwerkpartner toevoegen'}
            </Button>
          </div>
        </form>
      </details>
      <LinkDialog issued={issued} onClose={() => setIssued(undefined)} />
    </>
  );
}
