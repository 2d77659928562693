import { resolve } from 'node:path';
import { loadConfig } from './config';
import { newId } from './ids';
import { smtpMailer } from './jobs/mailer';
import { startJobs } from './jobs/scheduler';
import { loadSecretKey } from './secret-key';
import { buildApp } from './server/app';
import { warmPasswordStrength } from './services/password-strength';
import { openStore } from './store/open-store';

/** Composition root: config → store → services → app → listen → jobs. */
async function main() {
  const config = loadConfig();
  const store = await openStore(config);
  const deps = {
    store,
    clock: () => new Date(),
    newId,
    secretKey: loadSecretKey(config),
    outbound: { privateNetworks: config.privateFetch },
  };
  const lifecycle = { draining: false };
  const app = await buildApp(deps, {
    signupOpen: config.signupOpen,
    trustProxy: config.trustProxy,
    webDir: resolve('dist/web'),
    secureCookies: config.publicUrl.startsWith('https:'),
    logger: true,
    lifecycle,
  });
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.smtpFrom) : null;
  let jobs: Awaited<ReturnType<typeof startJobs>> | undefined;
  // A stop signal: /readyz turns 503, the listener closes, requests in flight finish, the running
  // job tick ends, then the database closes. A second signal, or 10 s, ends it at once.
  const stop = async (signal: string) => {
    if (lifecycle.draining) {
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    lifecycle.draining = true;
    app.log.info(`${signal}: finishing the requests in flight, then stopping`);
    setTimeout(() => {
      app.log.error('stopping took over 10 s: exiting without waiting');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    await jobs?.stop();
    mailer?.close();
    await store.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  // The password dictionaries (~250 ms, ~30 MB) load now, off the first sign-up's request.
  void warmPasswordStrength().catch((error: unknown) => app.log.error(error));
  jobs = await startJobs(deps, {
    publicUrl: config.publicUrl,
    mailer,
    onError: (error) => app.log.error(error),
  });
  if (!mailer) app.log.info('SMTP_URL is not set: digests and updates wait in the outbox (docs/email.md)');
  app.log.info(`Tend is ready at http://localhost:${config.port} (data: ${store.location})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
