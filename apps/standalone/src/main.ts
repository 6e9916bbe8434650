import 'reflect-metadata';
import { startEmbeddedPlatform } from './embedded-platform';

// `npm start`: the whole platform in one process, nothing to install but `npm install`.
async function main(): Promise<void> {
  const started = Date.now();
  const platform = await startEmbeddedPlatform({
    dataDir: process.env.DATA_DIR ?? './data',
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 3000),
    seedOrganisation: true,
  });
  const url = platform.gatewayUrl;
  process.stdout.write(
    [
      '',
      `Union assistance platform (embedded) ready in ${Date.now() - started} ms`,
      `  Console    ${url}/   (帮扶工作台; sign in with a ready persona)`,
      `  API        ${url}/api/v1`,
      `  Docs       ${url}/docs`,
      `  Ready      ${url}/health/ready`,
      `  Dev token  curl -s -X POST ${url}/api/v1/auth/dev-token -H 'content-type: application/json' \\`,
      `               -d '{"sub":"cw1","roles":["caseworker"],"units":["ha-zz"]}'`,
      `  Tree       ${url}/api/v1/org/units/ha?depth=3  (河南省总工会, seeded: ha-zz 郑州市, ha-ly 洛阳市 …)`,
      `  Data       ${process.env.DATA_DIR ?? './data'}`,
      '',
    ].join('\n') + '\n',
  );
  const stop = async () => {
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
