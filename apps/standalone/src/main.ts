import 'reflect-metadata';
import { startEmbeddedPlatform } from './embedded-platform';

// `npm start`: the whole platform in one process, nothing to install but `npm install`.
async function main(): Promise<void> {
  const started = Date.now();
  const platform = await startEmbeddedPlatform({
    dataDir: process.env.DATA_DIR ?? './data',
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 3000),
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
      `               -d '{"sub":"cw1","roles":["caseworker"],"units":["*"]}'`,
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
