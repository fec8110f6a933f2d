import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RespondentAction } from '../../../../shared/api/respondents.js';
import { investigationKeys, runRespondentAction } from '../api/investigations-api.js';

/** One respondent action; the investigation, its audit trail and the outbox are refreshed afterwards. */
export function useRespondentAction(investigationId: string, respondentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: RespondentAction) => runRespondentAction(investigationId, respondentId, action),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: investigationKeys.detail(investigationId) });
      void queryClient.invalidateQueries({ queryKey: investigationKeys.audit(investigationId) });
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
}
