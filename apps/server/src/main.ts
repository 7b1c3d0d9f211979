import { buildApp, shutdownGracefully } from "./app";
import { serverMigrationsFolder } from "./db-cli";
import { loadConfig } from "./env";
import { restrictNewFiles } from "./secret-key";

restrictNewFiles();
const loaded = loadConfig();
if (!loaded.ok) {
  console.error(`Invalid configuration:\n  ${loaded.problems.join("\n  ")}`);
  process.exit(1);
}
const config = { ...loaded.config, migrationsFolder: serverMigrationsFolder() };

const app = await buildApp(config);
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    shutdownGracefully(app).then(
      (outcome) => {
        if (outcome === "timeout") app.log.error("drain timed out; exiting anyway");
        process.exit(outcome === "closed" ? 0 : 1);
      },
      (error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
await app.listen({ port: config.port, host: config.host });
