import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../shared/components/button.js';
import { ErrorMessage } from '../../shared/components/error-message.js';
import { SkeletonRows } from '../../shared/components/skeleton.js';
import { confirmNominations, getNominations, investigationKeys } from '../api/investigations-api.js';
import type { Nomination } from '../../../../shared/api/nominations.js';
import { nominationOutcome } from '../nomination-outcome.js';
import { ConfirmDialog } from '../../shared/components/confirm-dialog.js';
import type { NoticeMessage } from './notice.js';

type Props = { investigationId: string; hasGemeente: boolean; onNotice: (notice: NoticeMessage) => void };

/** Partners the municipality named in its answers; confirming creates them as respondents and mails them. */
export function NominationsSection({ investigationId, hasGemeente, onNotice }: Props) {
  const queryClient = useQueryClient();
  const nominations = useQuery({
    queryKey: investigationKeys.nominations(investigationId),
    queryFn: ({ signal }) => getNominations(investigationId, signal),
    enabled: hasGemeente,
  });
  const [selected, setSelected] = useState<Set<number> | undefined>();
  const [confirming, setConfirming] = useState(false);
  const open = nominations.data?.items.filter((n) => !n.respondentId) ?? [];
  // Until the inspector unticks something, every open nomination with an email address is selected.
  const chosen = selected ?? new Set(open.filter((n) => n.email).map((n) => n.index));

  const confirm = useMutation({
    mutationFn: (indexes: number[]) => confirmNominations(investigationId, indexes),
    onSuccess: (result) => {
      setConfirming(false);
      setSelected(undefined);
      onNotice({ tone: 'success', text: nominationOutcome(result) });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: investigationKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });

  function toggle(index: number, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(index);
    else next.delete(index);
    setSelected(next);
  }

  return (
    <section className="section" aria-labelledby="voorgedragen">
      <h2 id="voorgedragen">Voorgedragen netwerkpartners</h2>
      {!hasGemeente && <p className="muted">De gemeente draagt netwerkpartners voor in haar vragenlijst.</p>}
      {hasGemeente && nominations.isPending && <SkeletonRows rows={2} />}
      {nominations.isError && (
        <ErrorMessage error={nominations.error} onRetry={() => void nominations.refetch()} />
      )}
      {nominations.data && nominations.data.items.length === 0 && (
        <p className="muted">De gemeente heeft (nog) geen netwerkpartners voorgedragen.</p>
      )}
      {nominations.data && nominations.data.items.length > 0 && (
        <>
          <p>
            De gemeente noemt deze organisaties als netwerkpartner. Kies wie u wilt uitnodigen; zij krijgen
            een e-mail met hun persoonlijke link.
          </p>
          <ul className="nominations">
            {nominations.data.items.map((nomination) => (
              <NominationItem
                key={nomination.index}
                nomination={nomination}
                checked={chosen.has(nomination.index)}
                onToggle={(on) => toggle(nomination.index, on)}
              />
            ))}
          </ul>
          {open.length > 0 && (
            <Button variant="primary" disabled={chosen.size === 0} onClick={() => setConfirming(true)}>
              Bevestigen en uitnodigen…
            </Button>
          )}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={`${chosen.size} ${chosen.size === 1 ? 'netwerkpartner' : 'netwerkpartners'} uitnodigen?`}
        confirmLabel="Toevoegen en uitnodigen"
        busy={confirm.isPending}
        error={confirm.error ?? undefined}
        onConfirm={() => confirm.mutate([...chosen].sort((a, b) => a - b))}
        onCancel={() => {
          setConfirming(false);
          confirm.reset();
        }}
      >
        <p>Deze organisaties worden als respondent toegevoegd en krijgen nu een uitnodiging per e-mail:</p>
        <ul>
          {open
            .filter((n) => chosen.has(n.index))
            .map((n) => (
              <li key={n.index}>
                {n.organisation} — {n.email}
              </li>
            ))}
        </ul>
      </ConfirmDialog>
    </section>
  );
}

type ItemProps = { nomination: Nomination; checked: boolean; onToggle: (on: boolean) => void };

function NominationItem({ nomination, checked, onToggle }: ItemProps) {
  const id = `nomination-${nomination.index}`;
  const added = Boolean(nomination.respondentId);
  const noEmail = !nomination.email;
  return (
    <li className="nominations__item">
      <input
        id={id}
        type="checkbox"
        checked={added || checked}
        disabled={added || noEmail}
        onChange={(e) => onToggle(e.target.checked)}
      />
      <label htmlFor={id}>
        <span className="table__strong">{nomination.organisation}</span>
        <span className="table__secondary">
          {[nomination.contactName, nomination.email ?? 'geen e-mailadres opgegeven']
            .filter(Boolean)
            .join(' · ')}
        </span>
        {added && <span className="nominations__state">✓ Al toegevoegd als respondent</span>}
      </label>
    </li>
  );
}
