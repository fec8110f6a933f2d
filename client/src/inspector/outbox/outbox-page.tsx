import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../shared/components/button.js';
import { Dialog } from '../../shared/components/dialog.js';
import { EmptyState } from '../../shared/components/empty-state.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { StatusBadge, type BadgeTone } from '../../shared/components/status-badge.js';
import { Table } from '../../shared/components/table.js';
import { formatDateTime } from '../../shared/format.js';
import { listOutbox, outboxKey } from '../api/outbox-api.js';
import type { OutboxMail } from '../../../../shared/api/outbox.js';
import { PageHeading } from '../layout/page-heading.js';
import { EmailAddress } from './email-address.js';

const statusView: Record<OutboxMail['status'], { tone: BadgeTone; label: string }> = {
  // Handed to the mail server, no answer yet (or the process stopped while sending).
  pending: { tone: 'info', label: 'Wordt verzonden' },
  stored: { tone: 'neutral', label: 'Bewaard' },
  sent: { tone: 'success', label: 'Verzonden' },
  failed: { tone: 'danger', label: 'Mislukt' },
};

const kindLabels: Record<string, string> = {
  invitation: 'Uitnodiging',
  reminder: 'Herinnering',
  receipt: 'Ontvangstbevestiging',
  password_reset: 'Wachtwoordherstel',
  account_created: 'Nieuw account',
};

export function OutboxPage() {
  const [searchParams] = useSearchParams();
  const investigationId = searchParams.get('onderzoek') ?? undefined;
  const outbox = useQuery({
    queryKey: [...outboxKey, investigationId ?? 'alle'],
    queryFn: ({ signal }) => listOutbox(investigationId, signal),
  });
  const [openId, setOpenId] = useState<string | undefined>();
  const open = outbox.data?.items.find((m) => m.id === openId);

  return (
    <>
      <PageHeading title="Uitgaande e-mail" />
      <p className="lead">
        Alle uitnodigingen, herinneringen en andere berichten die de applicatie verstuurt. Zonder mailserver
        worden ze alleen hier bewaard.
      </p>
      {investigationId && (
        <p className="filter-note">
          Alleen berichten van één onderzoek. <Link to="/inspectie/e-mail">Alle berichten tonen</Link>
        </p>
      )}
      {outbox.isPending && <SkeletonRows rows={6} label="Berichten worden geladen…" />}
      {outbox.isError && (
        <ErrorMessage
          title="De berichten konden niet worden geladen"
          error={outbox.error}
          onRetry={() => void outbox.refetch()}
        />
      )}
      {outbox.data && outbox.data.items.length === 0 && (
        <EmptyState title="Nog geen berichten">
          <p>Zodra u een respondent uitnodigt of herinnert, verschijnt het bericht hier.</p>
        </EmptyState>
      )}
      {outbox.data && outbox.data.items.length > 0 && (
        <Table
          stack
          caption="Uitgaande e-mail"
          head={
            <tr>
              <th scope="col">Onderwerp</th>
              <th scope="col">Aan</th>
              <th scope="col">Soort</th>
              <th scope="col">Status</th>
              <th scope="col">Tijdstip</th>
            </tr>
          }
        >
          {outbox.data.items.map((mail) => (
            <tr key={mail.id}>
              <td data-label="Onderwerp">
                <Button variant="link" className="table__primary-link" onClick={() => setOpenId(mail.id)}>
                  {mail.subject}
                </Button>
              </td>
              <td data-label="Aan">
                <EmailAddress address={mail.to} />
              </td>
              <td data-label="Soort">{kindLabels[mail.kind] ?? mail.kind}</td>
              <td data-label="Status">
                <StatusBadge {...statusView[mail.status]} title={mail.error ?? undefined} />
              </td>
              <td data-label="Tijdstip" className="nowrap">
                {formatDateTime(mail.sentAt ?? mail.createdAt)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Dialog
        open={Boolean(open)}
        title={open?.subject ?? ''}
        onClose={() => setOpenId(undefined)}
        wide
        footer={<Button onClick={() => setOpenId(undefined)}>Sluiten</Button>}
      >
        {open && (
          <>
            <dl className="mail-meta">
              <div>
                <dt>Aan</dt>
                <dd>
                  <EmailAddress address={open.to} />
                </dd>
              </div>
              <div>
                <dt>Soort</dt>
                <dd>{kindLabels[open.kind] ?? open.kind}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  <StatusBadge {...statusView[open.status]} />
                  {open.error && <span className="mail-meta__error"> {open.error}</span>}
                </dd>
              </div>
              <div>
                <dt>Tijdstip</dt>
                <dd>{formatDateTime(open.sentAt ?? open.createdAt)}</dd>
              </div>
            </dl>
            <pre className="mail-text" tabIndex={0} aria-label="Tekst van het bericht">
              {open.text}
            </pre>
          </>
        )}
      </Dialog>
    </>
  );
}
