/**
 * A consumed message that breaks its integration contract. It will never become valid, so a
 * consumer parks it on `<topic>.dlq` at once instead of retrying. `problems` lists every broken
 * rule, not only the first, so one look at the dead letter tells the producer all it must fix.
 */
export class ContractViolation extends Error {
  constructor(
    readonly topic: string,
    readonly eventType: string,
    readonly problems: readonly string[],
  ) {
    super(`${eventType || '(no event-type)'} on ${topic} breaks its contract: ${problems.join('; ')}`);
    this.name = 'ContractViolation';
  }
}
