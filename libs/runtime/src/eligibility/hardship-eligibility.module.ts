import { Module, type DynamicModule } from '@nestjs/common';
import { integrationConsumerProvider } from '../consumers/integration-consumer.provider';
import { HardshipEligibilityConsumer } from './hardship-eligibility.consumer';
import { eligibilityController } from './hardship-eligibility.controller';
import { ELIGIBILITY_CONSUMER } from './hardship-eligibility.di-tokens';
import { HardshipEligibilityReader } from './hardship-eligibility.reader';
import { HardshipEligibility1732300000100, HardshipEligibilityEntity } from './hardship-eligibility.entity';

/**
 * The eligibility projection both grants and medical aid keep from `hardship.cases.v1`. Add its
 * entity and migration to the service definition (`HARDSHIP_ELIGIBILITY_SCHEMA`).
 */
@Module({})
export class HardshipEligibilityModule {
  /** `routePrefix`: the service's API prefix, e.g. `api/v1/grants`. */
  static forRoot(routePrefix: string): DynamicModule {
    return {
      module: HardshipEligibilityModule,
      controllers: [HardshipEligibilityConsumer, eligibilityController(routePrefix)],
      providers: PROVIDERS,
      exports: [HardshipEligibilityReader],
    };
  }
}

const PROVIDERS = [
  HardshipEligibilityReader,
  integrationConsumerProvider(ELIGIBILITY_CONSUMER, 'hardship-eligibility'),
];

/** The projection's schema, to add to the service definition's migrations and entities. */
export const HARDSHIP_ELIGIBILITY_SCHEMA = {
  migrations: [HardshipEligibility1732300000100],
  entities: [HardshipEligibilityEntity],
};
