import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { ApiProblem, unwrap } from '../../api/client';
import {
  chunkRoster,
  memberBody,
  type EnrollmentAnswer,
  type RosterChunk,
} from '../../roster/enrollment-outcome';
import type { RosterMember } from '../../roster/read-roster';
import { failureText } from './medical-aid-labels';

/** A roster's submission: its requests, the answers so far, and the one that failed, if any. */
export interface Submission {
  readonly chunks: readonly RosterChunk[];
  /** One Idempotency-Key per request, kept so a retry of a request cannot enroll anyone twice. */
  readonly keys: readonly string[];
  readonly answers: readonly (EnrollmentAnswer | undefined)[];
  readonly sending: boolean;
  readonly failure?: string;
}

/**
 * Sends a roster's members to `POST /periods/{periodId}/enrollments`, one request per chunk (a
 * longer roster than one request may carry goes in several), in order. A failed request stops
 * the run; `resume` sends it again with the same key, then the rest.
 */
export function useRosterSubmission(periodId: string) {
  const api = useApi();
  const [submission, setSubmission] = useState<Submission>();

  const run = async (start: Submission, unitId: string, paymentRef: string) => {
    const answers = [...start.answers];
    setSubmission({ ...start, sending: true, failure: undefined });
    const send = async (i: number) =>
      unwrap(
        await api.POST('/api/v1/medical-aid/periods/{periodId}/enrollments', {
          params: { path: { periodId } },
          body: { unitId, paymentRef, members: start.chunks[i].members.map(memberBody) },
          headers: { 'Idempotency-Key': start.keys[i] },
        }),
      );
    for (let i = answers.findIndex((a) => a === undefined); i >= 0 && i < start.chunks.length; i++) {
      try {
        // A request that timed out or found the service away is sent once more with its key:
        // it enrolls nobody twice, and answers what the first did if that one got through.
        answers[i] = await send(i).catch((error: unknown) => {
          if (error instanceof ApiProblem && (error.problem.status ?? 0) < 500) throw error;
          return send(i);
        });
        setSubmission({ ...start, answers: [...answers], sending: i + 1 < start.chunks.length });
      } catch (error) {
        const why = failureText(error, '网络中断，提交未完成');
        const failure =
          start.chunks.length > 1 ? `第 ${i + 1} 批（共 ${start.chunks.length} 批）提交未成功：${why}` : why;
        setSubmission({ ...start, answers: [...answers], sending: false, failure });
        return;
      }
    }
  };

  return {
    submission,
    /** Starts a new submission of `members`. */
    submit: (members: readonly RosterMember[], unitId: string, paymentRef: string) => {
      const chunks = chunkRoster(members);
      const fresh: Submission = {
        chunks,
        keys: chunks.map(() => crypto.randomUUID()),
        answers: chunks.map(() => undefined),
        sending: true,
      };
      void run(fresh, unitId, paymentRef);
    },
    /** Sends the requests not answered yet, each with its own key again. */
    resume: (unitId: string, paymentRef: string) => {
      if (submission && !submission.sending) void run(submission, unitId, paymentRef);
    },
    reset: () => setSubmission(undefined),
  };
}
