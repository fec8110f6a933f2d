import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/api-error.js';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { confirmPasswordReset } from '../api/password-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { PASSWORD_MIN_LENGTH as minLength } from '../../../../shared/api/password-policy.js';
import { AuthCard } from './auth-card.js';
import { Alert } from '../../shared/components/alert.js';

/**
 * The link in the reset (or new-account) mail: `/wachtwoord-herstellen#token=…`. The token sits in the
 * fragment so it never reaches a server log; it is read once and removed from the address bar.
 */
const readToken = (): string => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';

export function ResetPasswordPage() {
  const [token] = useState(readToken);
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const confirm = useMutation({ mutationFn: (value: string) => confirmPasswordReset(token, value) });
  const linkInvalid = !token || (isApiError(confirm.error) && confirm.error.code === 'invalid_reset_token');

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (password.length < minLength)
      found.password = `Kies een wachtwoord van ten minste ${minLength} tekens.`;
    else if (password.length > 256) found.password = 'Gebruik ten hoogste 256 tekens.';
    if (!found.password && repeat !== password) found.repeat = 'De twee wachtwoorden zijn niet gelijk.';
    setErrors(found);
    if (Object.keys(found).length === 0) confirm.mutate(password);
  }

  return (
    <AuthCard>
      <PageHeading title="Nieuw wachtwoord instellen" />
      {confirm.isSuccess && (
        <>
          <Alert tone="success" role="status">
            <p className="alert__text">Uw wachtwoord is ingesteld. U kunt nu inloggen.</p>
          </Alert>
          <Link className="btn btn--primary" to="/inspectie/inloggen">
            Naar inloggen
          </Link>
        </>
      )}
      {!confirm.isSuccess && linkInvalid && (
        <>
          <Alert tone="error" role="alert">
            <p className="alert__text">
              Deze link werkt niet (meer). Een herstellink is één uur geldig en werkt één keer. Vraag een
              nieuwe link aan.
            </p>
          </Alert>
          <Link className="btn btn--primary" to="/inspectie/wachtwoord-vergeten">
            Nieuwe link aanvragen
          </Link>
        </>
      )}
      {!confirm.isSuccess && !linkInvalid && (
        <>
          {confirm.isError && <ErrorMessage error={confirm.error} />}
          <form onSubmit={submit} noValidate>
            <Field
              label="Nieuw wachtwoord"
              type="password"
              autoComplete="new-password"
              hint={`Ten minste ${minLength} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.password}
            />
            <Field
              label="Herhaal het wachtwoord"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={errors.repeat}
            />
            <Button type="submit" variant="primary" busy={confirm.isPending}>
              Wachtwoord instellen
            </Button>
          </form>
        </>
      )}
    </AuthCard>
  );
}
