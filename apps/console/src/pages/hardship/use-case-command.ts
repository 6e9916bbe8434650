import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/api-context';
import { ApiProblem } from '../../api/client';
import { mapCaseProblem, type CaseAction } from './hardship-problem';

/** What a dialog's form does with a refusal: messages under the fields the API named. */
export interface FieldSetter {
  setFields(fields: { name: string; errors: string[] }[]): void;
}

/** The headers of a command on a record the screen shows at `version`. */
export const commandHeaders = (version: number) => ({
  'If-Match': `"${version}"`,
  'Idempotency-Key': crypto.randomUUID(),
});

/**
 * Sends one command of the case file or the referral inbox; on success refreshes what it changed
 * (the case file, the lists, 工作台) and calls `onDone` with the answer; a refusal becomes the
 * dialog's sentence and the messages under its fields, in Chinese.
 */
export function useCaseCommand<T>(action: CaseAction, onDone: (answer: T) => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (form: FieldSetter | undefined, send: () => Promise<T>) => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await send();
      await Promise.all(
        [['case'], ['cases'], ['referrals'], ['workbench']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
      onDone(answer);
    } catch (e) {
      if (e instanceof ApiProblem) {
        const mapped = mapCaseProblem(e.problem, action);
        setError(mapped.message);
        form?.setFields(
          Object.entries(mapped.fields).map(([name, message]) => ({ name, errors: [message] })),
        );
      } else setError('办理未成功，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return { api, busy, error, run };
}
