import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/api-error.js';
import { describeError } from '../../shared/api/describe-error.js';
import { sessionQueryKey } from '../../shared/api/session-query.js';
import { Button } from '../../shared/components/button.js';
import { Field } from '../../shared/components/field.js';
import type { LoginBody } from '../../../../shared/api/session.js';
import { logIn } from '../api/session-api.js';
import { PageHeading } from '../layout/page-heading.js';
import { safeReturnPath } from '../login-target.js';
import { AuthCard } from '../password/auth-card.js';
import { Alert } from '../../shared/components/alert.js';

type Step = 'password' | 'totp';

export function LoginPage() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string; totp?: string }>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;
  const returning = searchParams.has('terug');

  const login = useMutation({
    mutationFn: (credentials: LoginBody) => logIn(credentials),
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
      void navigate(safeReturnPath(searchParams.get('terug')), { replace: true });
    },
    onError: (error) => {
      // The password was right; the server wants the second factor. Not an error for the user.
      if (isApiError(error) && error.code === 'totp_required') {
        setStep('totp');
        login.reset();
        window.setTimeout(() => totpRef.current?.focus(), 0);
        return;
      }
      window.setTimeout(() => alertRef.current?.focus(), 0);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    if (!email.trim()) errors.email = 'Vul uw e-mailadres in.';
    else if (!/^\S+@\S+\.\S+$/.test(email.trim()))
      errors.email = 'Vul een geldig e-mailadres in, zoals naam@inspectie.nl.';
    if (!password) errors.password = 'Vul uw wachtwoord in.';
    if (step === 'totp' && !/^(\d{6}|[a-z0-9]{5}-[a-z0-9]{5})$/i.test(totp.trim()))
      errors.totp = 'Vul de 6 cijfers uit uw authenticator-app in, of een herstelcode.';
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate({ email: email.trim(), password, ...(step === 'totp' ? { totp: totp.trim() } : {}) });
  }

  return (
    <AuthCard>
      <PageHeading title="Inloggen" />
      {loggedOut && !login.isError && (
        <Alert tone="success" role="status">
          <p className="alert__text">U bent uitgelogd.</p>
        </Alert>
      )}
      {returning && !loggedOut && !login.isError && (
        <Alert tone="info" role="status">
          <p className="alert__text">
            Log in om verder te gaan. Daarna komt u terug op de pagina waar u was.
          </p>
        </Alert>
      )}
      {login.isError && (
        <Alert tone="error" role="alert" tabIndex={-1} ref={alertRef}>
          <p className="alert__text">{describeError(login.error)}</p>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Field
          label="E-mailadres"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email}
          readOnly={step === 'totp'}
        />
        <Field
          label="Wachtwoord"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password}
          readOnly={step === 'totp'}
        />
        {step === 'totp' && (
          <Field
            ref={totpRef}
            label="Code uit uw authenticator-app"
            hint="Zes cijfers, of een van uw herstelcodes als u uw telefoon niet bij de hand heeft."
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={totp}
            onChange={(event) => setTotp(event.target.value)}
            error={fieldErrors.totp}
            className="field--short"
          />
        )}
        <Button type="submit" variant="primary" busy={login.isPending}>
          {step === 'totp' ? 'Code controleren' : 'Inloggen'}
        </Button>
      </form>
      <p className="login__help">
        <Link to="/inspectie/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        <br />
        Geen account? Vraag een beheerder van uw inspectie om u toe te voegen.
      </p>
    </AuthCard>
  );
}
