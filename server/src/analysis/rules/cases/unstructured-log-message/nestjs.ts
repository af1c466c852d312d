// @case library=nestjs path=src/users/users.controller.ts
import { Controller, Get, Logger, Param } from '@nestjs/common';

@Controller('users')
export class UsersController {
  private readonly logger = new Logger(UsersController.name);

  @Get(':id')
  get(@Param('id') id: string) {
    this.logger.log(`get user ${id}`);
                  //~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    this.logger.warn('user ' + id + ' is slow', 'UsersController');
                   //~~~~~~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built by string concatenation; log a constant message and put the values in fields.
    this.logger.log('get user', UsersController.name);
    // An object or error first and a context last: the text between is the message (nestjs-pino writes
    // `{ err, context }` and it); with two arguments the second is the context.
    this.logger.error(new Error('slow'), `user ${id} is slow`, UsersController.name);
                                       //~~~~~~~~~~~~~~~~~~~~ [unstructured-log-message] Log message is built with a template literal; log a constant message and put the values in fields.
    this.logger.warn({ id }, `UsersController`);
    // Text in a variable first: Nest's error(message, stack, context), the stack in its place.
    const message = 'lookup failed';
    this.logger.error(message, `at get ${id}`, UsersController.name);
    return { id };
  }
}
