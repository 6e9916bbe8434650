import 'reflect-metadata';
import {
  masterKeyFromEnv,
  openDatabase,
  PersonalData,
  PersonKeys,
  progressReporter,
  rebuildProjections,
  Upcasters,
} from '@union/event-store';
import { envName, type ServiceDefinition } from '@union/runtime';
import { hardshipCasesService } from '@union/hardship-cases/service';
import { educationGrantsService } from '@union/education-grants/service';
import { medicalAidService } from '@union/medical-aid/service';

const SERVICES: Record<string, ServiceDefinition> = {
  'hardship-cases': hardshipCasesService,
  'education-grants': educationGrantsService,
  'medical-aid': medicalAidService,
};

/**
 * `npm run rebuild -- <service>`: empties the service's inline read models and replays its
 * whole event log through them (one transaction: readers see the old rows until the new ones
 * commit), with a progress bar, against DATABASE_URL_<SERVICE>. Personal fields are opened with
 * PERSONAL_DATA_MASTER_KEY, checked before anything is emptied (erased people read as erased).
 */
async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  const definition = SERVICES[name];
  if (!definition) throw new Error(`usage: npm run rebuild -- <${Object.keys(SERVICES).join('|')}>`);
  const url = process.env[`DATABASE_URL_${envName(name)}`];
  if (!url) throw new Error(`Set DATABASE_URL_${envName(name)} to the service's database.`);
  const dataSource = await openDatabase({
    url,
    poolMax: 2,
    migrations: definition.migrations,
    entities: definition.entities,
  });
  try {
    let report: ((done: number) => void) | undefined;
    const keys = new PersonKeys(masterKeyFromEnv(process.env, false));
    await keys.assertMasterKey(dataSource.manager);
    const reading = {
      upcasters: definition.upcasters ?? new Upcasters(),
      personalData: new PersonalData(keys, definition.personalFields ?? {}),
    };
    const result = await rebuildProjections(
      dataSource,
      reading,
      definition.projections,
      {
        onProgress: (done, total) => (report ??= progressReporter(`rebuild ${name}`, total))(done),
      },
    );
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
