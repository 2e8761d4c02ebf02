import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../../src/app.module';
import { ContentEvents } from '../../src/content/content-events.service';
import { Sql } from '../../src/database/sql';
import { createFastifyAdapter } from '../../src/http/app.setup';
import { UsersService } from '../../src/users/users.service';
import { HookSecrets } from '../../src/webhooks/hook-secrets';

/**
 * A Tessera process that writes and is then killed: it boots the app on
 * the database its environment names, makes a project with a hook on
 * HOOK_URL signed with HOOK_SECRET, commits EVENTS events (each in its own
 * transaction, as writes do), prints `committed <json>` and waits to be
 * killed. Run it with JOBS_WORKERS=off and it never delivers anything itself.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(), {
    logger: false,
  });
  await app.init();
  const sql = app.get(Sql);
  const user = await app.get(UsersService).create({
    email: `writer-${Date.now()}@example.com`,
    password: 'correct horse battery',
    name: 'Writer',
    isAdmin: false,
  });
  const { rows } = await sql.query<{ id: number }>(
    `INSERT INTO project (name, user_id) VALUES ('Killed', $1) RETURNING id`,
    [user.id],
  );
  const projectId = rows[0].id;
  const hook = await sql.query<{ id: number }>(
    `INSERT INTO web_hook (project_id, name, url, events, secret_sealed)
     VALUES ($1, 'hook', $2, ARRAY['entryCreated'], '') RETURNING id`,
    [projectId, process.env.HOOK_URL],
  );
  const hookId = hook.rows[0].id;
  await sql.query(`UPDATE web_hook SET secret_sealed = $2 WHERE id = $1`, [
    hookId,
    app.get(HookSecrets).seal(process.env.HOOK_SECRET!, hookId),
  ]);
  for (let n = 1; n <= Number(process.env.EVENTS); n += 1) {
    await sql.transaction((tx) =>
      app.get(ContentEvents).emit(tx, {
        type: 'entryCreated',
        projectId,
        occurredAt: new Date(),
        data: { id: n },
      }),
    );
  }
  process.stdout.write(`committed ${JSON.stringify({ projectId, hookId })}\n`);
  // Until the test kills it.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`webhook-writer: ${String(error)}\n`);
  process.exit(1);
});
