// @case library=nestjs path=apps/api/src/users.controller.ts rules=handler-missing-metrics,missing-request-id-middleware
// A Nest app importing a workspace library's TracingModule, which configures nestjs-otel with API
// metrics (Novu's): its middleware times every route but those it ignores. The library's
// nestjs-pino LoggerModule gives every request an id, so missing-request-id-middleware stays quiet.
import { Controller, Get, Param } from '@nestjs/common';

@Controller()
export class UsersController {
  @Get('users/:id')
  get(@Param('id') id: string) {
    return { id };
  }

  @Get('health')
//~~~~~~~~~~~~~~ [handler-missing-metrics] `GET /health` is not measured: no metric in its handler or a wrapper, no metrics middleware in front of it, no HTTP auto-instrumentation: nestjs-otel API metrics (../../libs/shared/src/tracing.module.ts) ignores /health. Remove the opt-out, or record a request-duration histogram in the handler.
  health() {
    return 'ok';
  }
}
