import { Global, Module } from '@nestjs/common';
import { ELIGIBILITY_LISTENER } from '@union/runtime';
import { ApplicationHoldsListener } from './application-holds.listener';

/**
 * Hands the holds listener to the runtime's eligibility consumer, which looks for an optional
 * `ELIGIBILITY_LISTENER`. Global because that consumer lives in the runtime's own module.
 */
@Global()
@Module({
  providers: [{ provide: ELIGIBILITY_LISTENER, useClass: ApplicationHoldsListener }],
  exports: [ELIGIBILITY_LISTENER],
})
export class ApplicationHoldsModule {}
