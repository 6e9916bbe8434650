import 'reflect-metadata';
import { createGatewayApp, loadGatewaySettings } from '@union/gateway';

// The gateway as its own process in front of the three services (see README).
async function main(): Promise<void> {
  const settings = loadGatewaySettings();
  const app = await createGatewayApp(settings);
  await app.listen(settings.port, process.env.HOST ?? '0.0.0.0');
  process.stdout.write(
    `${JSON.stringify({ level: 'info', service: 'gateway', msg: `listening on ${await app.getUrl()}` })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
