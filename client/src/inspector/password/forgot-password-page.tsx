import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { requestPasswordReset } from '../api/password-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { AuthCard } from './auth-card.js';
import { Alert } from '../../shared/components/alert.js';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const request = useMutation({ mutationFn: requestPasswordReset });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Vul een geldig e-mailadres in, zoals naam@inspectie.nl.');
      return;
    }
    setError(undefined);
    request.mutate(email.trim());
  }

  return (
    <AuthCard>
      <PageHeading title="Wachtwoord vergeten" />
      {request.isSuccess ? (
        // The server answers the same for every address (no account oracle), and so does this page.
        <Alert tone="success" role="status">
          <p className="alert__text">
            Als er een actief account bij {email.trim()} hoort, ontvangt u binnen enkele minuten een e-mail
            met een link om een nieuw wachtwoord in te stellen. De link is één uur geldig.
          </p>
        </Alert>
      ) : (
        <>
          <p>
            Vul het e-mailadres van uw account in. U krijgt een e-mail met een link om een nieuw wachtwoord in
            te stellen.
          </p>
          {request.isError && <ErrorMessage error={request.error} />}
          <form onSubmit={submit} noValidate>
            <Field
              label="E-mailadres"
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={error}
            />
            <Button type="submit" variant="primary" busy={request.isPending}>
              Herstellink versturen
            </Button>
          </form>
        </>
      )}
      <p className="login__help">
        <Link to="/inspectie/inloggen">Terug naar inloggen</Link>
      </p>
    </AuthCard>
  );
}
