import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../contract/common';
import { Task, TaskCreate, TaskList, TaskListQuery, TaskPatch } from '../../contract/tasks';
import type { Deps } from '../../services/deps';
import { createTask, listTaskItems, patchTask, removeTask } from '../../services/tasks.service';
import { principal } from '../auth-hook';

export function tasksRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['tasks'];
    app.get(
      '/tasks',
      { schema: { tags, querystring: TaskListQuery, response: { 200: TaskList } } },
      async (request) => ({ items: await listTaskItems(deps, principal(request).accountId, request.query) }),
    );
    app.post(
      '/tasks',
      { schema: { tags, body: TaskCreate, response: { 201: Task } } },
      async (request, reply) =>
        reply.code(201).send(await createTask(deps, principal(request).accountId, request.body)),
    );
    app.patch(
      '/tasks/:id',
      { schema: { tags, params: IdParams, body: TaskPatch, response: { 200: Task } } },
      async (request) => patchTask(deps, principal(request).accountId, request.params.id, request.body),
    );
    app.delete(
      '/tasks/:id',
      { schema: { tags, params: IdParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await removeTask(deps, principal(request).accountId, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
