import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { sessionQueryKey } from '../../shared/api/session-query.js';
import { Button } from '../../shared/components/button.js';
import { CopyButton } from '../../shared/components/copy-button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { Field } from '../../shared/components/field.js';
import { StatusBadge } from '../../shared/components/status-badge.js';
import { confirmTotp, disableTotp, startTotp } from '../api/account-api.js';
import { Alert } from '../../shared/components/alert.js';

/** Two-step verification: enrol with an authenticator app, keep the recovery codes, or switch it off. */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const refreshSession = () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  const start = useMutation({ mutationFn: startTotp });
  const confirm = useMutation({ mutationFn: confirmTotp, onSuccess: refreshSession });
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: () => {
      setPassword('');
      start.reset();
      confirm.reset();
      refreshSession();
    },
  });

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError('Vul de 6 cijfers in die de app nu toont.');
      return;
    }
    setCodeError(undefined);
    confirm.mutate(code.trim());
  }

  return (
    <section className="section" aria-labelledby="tweestaps">
      <h2 id="tweestaps">Tweestapsverificatie</h2>
      <p>
        {enabled ? <StatusBadge tone="success" label="Aan" /> : <StatusBadge tone="neutral" label="Uit" />}
      </p>

      {confirm.data && (
        <Alert tone="success" role="status">
          <p className="alert__title">Tweestapsverificatie staat aan.</p>
          <p className="alert__text">
            Bewaar deze herstelcodes op een veilige plek. <strong>U ziet ze maar één keer.</strong> Elke code
            werkt één keer in plaats van een code uit de app, bijvoorbeeld als u uw telefoon kwijt bent.
          </p>
          <ul className="recovery-codes" aria-label="Herstelcodes">
            {confirm.data.recoveryCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <CopyButton text={confirm.data.recoveryCodes.join('\n')} label="Codes kopiëren" />
        </Alert>
      )}

      {!enabled && !confirm.data && !start.data && (
        <>
          <p>
            Met tweestapsverificatie vraagt het inloggen naast uw wachtwoord ook een code uit een
            authenticator-app op uw telefoon.
          </p>
          {start.isError && <ErrorMessage error={start.error} />}
          <Button variant="primary" busy={start.isPending} onClick={() => start.mutate()}>
            Tweestapsverificatie aanzetten
          </Button>
        </>
      )}

      {!enabled && !confirm.data && start.data && (
        <div className="totp-enrol">
          <ol className="steps">
            <li>Open uw authenticator-app en scan deze QR-code.</li>
            <li>Vul de code in die de app daarna toont.</li>
          </ol>
          <img
            className="totp-enrol__qr"
            src={start.data.qrDataUrl}
            alt="QR-code om dit account aan uw authenticator-app toe te voegen"
            width={180}
            height={180}
          />
          <p className="totp-enrol__secret">
            Scannen lukt niet? Voer deze sleutel handmatig in:{' '}
            <code data-testid="totp-secret">{start.data.secret}</code>
          </p>
          {confirm.isError && <ErrorMessage error={confirm.error} />}
          <form onSubmit={submitCode} noValidate>
            <Field
              label="Code uit de app"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={codeError}
              className="field--short"
            />
            <Button type="submit" variant="primary" busy={confirm.isPending}>
              Bevestigen
            </Button>
          </form>
        </div>
      )}

      {enabled && !confirm.data && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (password) disable.mutate(password);
          }}
          noValidate
        >
          <p>Uitzetten kan alleen met uw wachtwoord.</p>
          {disable.isError && <ErrorMessage error={disable.error} />}
          <Field
            label="Wachtwoord"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <Button type="submit" busy={disable.isPending}>
            Tweestapsverificatie uitzetten
          </Button>
        </form>
      )}
    </section>
  );
}
