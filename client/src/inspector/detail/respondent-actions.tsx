import { useState } from 'react';
import { Button } from '../../shared/components/button.js';
import { describeError } from '../../shared/api/describe-error.js';
import type { Respondent, RespondentAction } from '../../../../shared/api/respondents.js';
import { ConfirmDialog } from '../../shared/components/confirm-dialog.js';
import { LinkDialog, type IssuedLink } from './link-dialog.js';
import type { NoticeMessage } from './notice.js';
import { useRespondentAction } from './use-respondent-action.js';

type Props = {
  investigationId: string;
  respondent: Respondent;
  onNotice: (notice: NoticeMessage) => void;
};

/** The actions that make sense in the respondent's current state; the risky ones ask first. */
export function RespondentActions({ investigationId, respondent, onNotice }: Props) {
  const action = useRespondentAction(investigationId, respondent.id);
  const [confirming, setConfirming] = useState<'revoke' | 'reissue' | 'reopen' | undefined>();
  const [issued, setIssued] = useState<IssuedLink | undefined>();
  const submitted = respondent.status === 'ingediend';
  const name = respondent.organisation;

  function run(kind: RespondentAction) {
    action.mutate(kind, {
      onSuccess: (result) => {
        setConfirming(undefined);
        if (result.link && (kind === 'reissue' || kind === 'invite')) {
          setIssued({ organisation: name, link: result.link, replacesOld: true, mailed: kind === 'invite' });
        }
        onNotice({ tone: 'success', text: successText(kind, name, respondent.email, Boolean(result.link)) });
      },
      onError: (error) => {
        if (!confirming) onNotice({ tone: 'info', text: `${name}: ${describeError(error)}` });
      },
    });
  }

  const busy = (kind: RespondentAction) => action.isPending && action.variables === kind;

  return (
    <div className="row-actions" role="group" aria-label={`Acties voor ${name}`}>
      {!submitted && respondent.status === 'niet_uitgenodigd' && !respondent.revoked && (
        <Button small variant="primary" busy={busy('invite')} onClick={() => run('invite')}>
          Uitnodigen
        </Button>
      )}
      {!submitted && respondent.status !== 'niet_uitgenodigd' && !respondent.revoked && (
        <Button
          small
          busy={busy('remind')}
          onClick={() => run('remind')}
          title="Mailt een herinnering. Is de link nog nooit geopend, dan staat er een nieuwe in; een geopende link blijft werken."
        >
          Herinneren
        </Button>
      )}
      {!submitted && (
        <Button small onClick={() => setConfirming('reissue')}>
          Nieuwe link
        </Button>
      )}
      {!submitted && !respondent.revoked && (
        <Button small variant="link" className="row-actions__danger" onClick={() => setConfirming('revoke')}>
          Intrekken
        </Button>
      )}
      {submitted && (
        <Button small onClick={() => setConfirming('reopen')}>
          Heropenen
        </Button>
      )}

      <ConfirmDialog
        open={confirming === 'reissue'}
        title={`Nieuwe link voor ${name}?`}
        confirmLabel="Nieuwe link maken"
        busy={busy('reissue')}
        error={confirming === 'reissue' ? (action.error ?? undefined) : undefined}
        onConfirm={() => run('reissue')}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          De huidige link van {name} werkt daarna <strong>niet meer</strong>. De antwoorden blijven bewaard.
          De nieuwe link ziet u één keer; hij wordt niet automatisch gemaild. Kiest u later
          &lsquo;Herinneren&rsquo; voordat deze link geopend is, dan krijgt {name} per e-mail weer een nieuwe
          link.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'revoke'}
        title={`Link van ${name} intrekken?`}
        confirmLabel="Link intrekken"
        danger
        busy={busy('revoke')}
        error={confirming === 'revoke' ? (action.error ?? undefined) : undefined}
        onConfirm={() => run('revoke')}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          {name} kan de vragenlijst daarna niet meer openen. De antwoorden tot nu toe blijven bewaard. Met
          &lsquo;Nieuwe link&rsquo; geeft u later weer toegang.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'reopen'}
        title={`Vragenlijst van ${name} heropenen?`}
        confirmLabel="Heropenen"
        busy={busy('reopen')}
        error={confirming === 'reopen' ? (action.error ?? undefined) : undefined}
        onConfirm={() => run('reopen')}
        onCancel={() => setConfirming(undefined)}
      >
        <p>
          De ingediende antwoorden worden weer bewerkbaar via de bestaande link. {name} moet de vragenlijst
          daarna opnieuw indienen.
        </p>
      </ConfirmDialog>
      <LinkDialog issued={issued} onClose={() => setIssued(undefined)} />
    </div>
  );
}

function successText(kind: RespondentAction, name: string, email: string, newLink: boolean): string {
  switch (kind) {
    case 'invite':
      return `De uitnodiging voor ${name} is verstuurd naar ${email}.`;
    case 'remind':
      return newLink
        ? `Een herinnering voor ${name} is verstuurd naar ${email}. Daarin staat een nieuwe link; de vorige link werkt niet meer.`
        : `Een herinnering voor ${name} is verstuurd naar ${email}. De link is al geopend en blijft werken; de herinnering verwijst ernaar.`;
    case 'reissue':
      return `Er is een nieuwe link voor ${name} gemaakt. De oude link werkt niet meer.`;
    case 'revoke':
      return `De link van ${name} is ingetrokken.`;
    case 'reopen':
      return `De vragenlijst van ${name} is heropend.`;
    default: {
      const unknown: never = kind;
      return unknown;
    }
  }
}
